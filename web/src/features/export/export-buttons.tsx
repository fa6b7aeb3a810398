import { useTranslation } from 'react-i18next';
import { useCompareStore, useLiveStore } from '../../lib/store-context';
import { download } from '../../lib/download';

/** The session writer (with the recording format it follows) is a chunk of its own, fetched on the first export. */
const loadSessionExport = () => import('./session-export');

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/** Download everything recorded so far (up to 15 minutes) as JSON or CSV; both arms where a comparison ran. */
export function ExportButtons() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const compareStore = useCompareStore();
  const exportJson = async () => {
    const { buildSession, serializeRecording } = await loadSessionExport();
    const session = buildSession(
      liveStore.samples.toArray(),
      liveStore.latest,
      liveStore.events.toArray(),
      [...liveStore.markers],
      new Date(),
      compareStore.samples.toArray(),
    );
    if (session) download(`poolscope-session-${stamp()}.json`, 'application/json', serializeRecording(session));
  };
  const exportCsv = async () => {
    const { armsToCsv } = await loadSessionExport();
    download(`poolscope-session-${stamp()}.csv`, 'text/csv', armsToCsv(liveStore.samples.toArray(), compareStore.samples.toArray()));
  };
  return (
    <div className="btn-group" role="group" aria-label={t('exportSession.group')}>
      <button type="button" className="btn btn-quiet" onClick={() => void exportJson()}>
        {t('exportSession.json')}
      </button>
      <button type="button" className="btn btn-quiet" onClick={() => void exportCsv()}>
        {t('exportSession.csv')}
      </button>
    </div>
  );
}
