import type { ReactNode } from 'react';

interface PanelProps {
  id: string;
  title: string;
  /** One sentence for someone who has never seen a pool. */
  lede?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function Panel({ id, title, lede, actions, className, children }: PanelProps) {
  return (
    <section id={id} className={`panel ${className ?? ''}`} aria-labelledby={`${id}-title`} data-view={id}>
      <header className="panel-head">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {lede ? <p className="lede">{lede}</p> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
