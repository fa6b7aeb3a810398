import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './language-select';
import { KpiStrip } from '../features/overview/kpi-strip';
import { PoolStatePanel } from '../features/charts/pool-state-panel';
import { WaitPanel } from '../features/charts/wait-panel';
import { TrafficPanel } from '../features/charts/traffic-panel';
import { AudienceStep } from '../features/lessons/audience-step';
import { AudienceScenario } from '../features/scenarios/audience-scenario';
import { ConnectionStatus } from '../features/status/connection-status';
import { useLive } from '../lib/use-live';
import { useMarkNumbersShown } from '../lib/numbers-first';
import { AfterNumbers } from '../components/after-numbers';
import { ReadOnlyContext } from '../lib/read-only';
import { PANELS } from './panels';
import { useTheme } from './use-theme';

const TITLE = 'Poolscope';

/**
 * What a class sees on its phones (`/?audience=1`): the presenter's lesson step and its focused
 * panel, the scenario and comparison running, the headline numbers and charts. No controls at all
 * (the lab or relay refuses them anyway); one column, so 390 px wide is the first layout.
 */
export function Audience() {
  const { t } = useTranslation();
  const { theme, setTheme } = useTheme();
  useMarkNumbersShown();
  const inLesson = useLive((s) => s.latest?.lesson !== null && s.latest?.lesson !== undefined);
  return (
    <ReadOnlyContext.Provider value={true}>
      <div className="app audience" data-testid="audience-view">
        <header className="app-header">
          <div className="brand">
            <h1>{TITLE}</h1>
            <ConnectionStatus />
          </div>
          <div className="header-tools">
            <span className="muted audience-badge">{t('audience.followingPresenter')}</span>
            <LanguageSelect />
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
              aria-label={theme === 'dark' ? t('header.toLightTheme') : t('header.toDarkTheme')}
            >
              {theme === 'dark' ? t('header.light') : t('header.dark')}
            </button>
          </div>
        </header>
        <AudienceStep renderPanel={(panel) => PANELS[panel]()} />
        <AudienceScenario />
        <KpiStrip />
        {inLesson ? null : (
          <main className="main">
            {/* After the numbers' first paint: the first render is then the headline alone, which a
                slowed phone draws ~0.2 s sooner (docs/BENCHMARKS.md, "First live number, session 11"). */}
            <AfterNumbers>
              <PoolStatePanel />
              <WaitPanel />
              <TrafficPanel />
            </AfterNumbers>
          </main>
        )}
      </div>
    </ReadOnlyContext.Provider>
  );
}
