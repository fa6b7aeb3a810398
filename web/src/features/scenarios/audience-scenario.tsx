import { useTranslation } from 'react-i18next';
import { scenarioTitle, scenarioWatch } from '../../i18n/words';
import { useLive } from '../../lib/use-live';
import { useScenarios } from './use-scenarios';
import { SeriesText } from '../../components/series-text';

/** The scenario (and comparison) the presenter runs, as a line of text: the audience cannot pick one. */
export function AudienceScenario() {
  const { t } = useTranslation();
  const { scenarios } = useScenarios();
  const scenarioId = useLive((s) => s.view?.scenarioId ?? null);
  const comparing = useLive((s) => s.view?.compare !== null && s.view?.compare !== undefined);
  const scenario = scenarios.find((s) => s.id === scenarioId);
  if (!scenarioId && !comparing) return null;
  return (
    <section className="audience-scenario" aria-live="polite" data-testid="audience-scenario">
      {scenarioId ? (
        <p>
          <strong>
            {t('audience.scenario')}: {scenario ? scenarioTitle(t, scenario) : scenarioId}
          </strong>
          {scenario ? (
            <>
              {' '}
              — <SeriesText text={scenarioWatch(t, scenario)} />
            </>
          ) : null}
        </p>
      ) : null}
      {comparing ? <p>{t('audience.comparing')}</p> : null}
    </section>
  );
}
