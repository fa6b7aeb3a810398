import { useTranslation } from 'react-i18next';
import type { LessonMetric, LessonStep } from '@poolscope/shared/lesson-schema';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { formatMs, formatNumber } from '../../lib/format';
import { lessonMetricUnit, metricLabelKey, readLessonMetric } from '../../lib/lesson-metric';
import { useCompare } from '../../lib/use-compare';
import { useLive } from '../../lib/use-live';
import { knobName, knobValue } from '../../i18n/marker-words';
import './presenter-compare.css';

const show = (metric: LessonMetric, value: number | undefined) => {
  const unit = lessonMetricUnit(metric);
  return unit === 'ms' ? formatMs(value) : `${formatNumber(value)}${unit === '/s' ? '/s' : ''}`;
};

/**
 * A step that compares, at projector size: what differs between A and B (the step's patch, B's
 * values as the lab runs them) and the focused metric for each arm. B is the dashed line in the panel.
 */
export function PresenterCompare({ step }: { step: LessonStep }) {
  const { t } = useTranslation();
  const running = useCompare((s) => s.running);
  const diff = useCompare((s) => s.diff);
  const metric = step.focus.metric;
  const a = useLive((s) => readLessonMetric(s.view, metric));
  // Arm B's snapshot has every path a lesson metric reads (pool, rates, latency).
  const b = useCompare((s) => readLessonMetric((s.view?.b ?? null) as Snapshot | null, metric));
  if (!step.compare) return null;
  // What differs as the lab runs it; before B's first diff arrives, the knobs the step's patch names
  // (a patch can hold keys without a value: those change nothing and are not listed).
  const patched = [...Object.entries(step.compare.pool ?? {}), ...Object.entries(step.compare.load ?? {})];
  const knobs =
    diff && diff.length > 0 ? diff.map((d) => d.knob) : patched.filter(([, value]) => value !== undefined).map(([knob]) => knob);
  return (
    <section className="presenter-compare" aria-label={t('lessons.compareTitle')} data-testid="presenter-compare">
      <h3>{t('lessons.compareTitle')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('lessons.compareKnob')}</th>
            <th scope="col">A</th>
            <th scope="col">{t('lessons.compareB')}</th>
          </tr>
        </thead>
        <tbody>
          {knobs.map((knob) => {
            const live = diff?.find((d) => d.knob === knob);
            return (
              <tr key={knob} data-testid={`presenter-compare-${knob}`}>
                <th scope="row">{knobName(t, knob)}</th>
                <td>{live ? knobValue(t, live.a) : '–'}</td>
                <td>{live ? knobValue(t, live.b) : '–'}</td>
              </tr>
            );
          })}
          <tr className="presenter-compare-metric">
            <th scope="row">{t(metricLabelKey(metric))}</th>
            <td data-testid="presenter-compare-a">{show(metric, a)}</td>
            <td data-testid="presenter-compare-b">{running ? show(metric, b) : t('lessons.compareStarting')}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
