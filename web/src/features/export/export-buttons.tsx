import { liveStore } from '../../lib/live-store';
import { buildSession, download, samplesToCsv } from './session-export';

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/** Download everything recorded so far (up to 15 minutes) as JSON or CSV. */
export function ExportButtons() {
  const exportJson = () => {
    const session = buildSession(liveStore.samples.toArray(), liveStore.latest, liveStore.events.toArray(), liveStore.markers);
    if (session) download(`poolscope-session-${stamp()}.json`, 'application/json', JSON.stringify(session));
  };
  const exportCsv = () => download(`poolscope-session-${stamp()}.csv`, 'text/csv', samplesToCsv(liveStore.samples.toArray()));
  return (
    <div className="btn-group" role="group" aria-label="Export recorded session">
      <button type="button" className="btn btn-quiet" onClick={exportJson}>Export JSON</button>
      <button type="button" className="btn btn-quiet" onClick={exportCsv}>Export CSV</button>
    </div>
  );
}
