import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addTarget } from '../../lib/commands';
import { ackMessage } from '../../components/ack-message';

/** Add an external echo server by host and port (the server's allowlist decides), or one more embedded target. */
export function AddTargetForm() {
  const { t } = useTranslation();
  const [host, setHost] = useState('127.0.0.1');
  const [port, setPort] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ack = await addTarget({ host: host.trim(), port: Number(port) });
    setMessage(
      ack.ok
        ? { text: t('targets.added', { id: ack.data.id, address: ack.data.address }), error: false }
        : { text: ackMessage(ack.error, t), error: true },
    );
  };
  const addEmbedded = async () => {
    const ack = await addTarget({ embedded: true });
    setMessage(
      ack.ok ? { text: t('targets.startedEmbedded', { id: ack.data.id }), error: false } : { text: ackMessage(ack.error, t), error: true },
    );
  };
  return (
    <form className="add-target" onSubmit={(e) => void submit(e)} aria-label={t('targets.addForm')}>
      <label>
        {t('targets.host')}
        <input value={host} onChange={(e) => setHost(e.currentTarget.value)} autoComplete="off" required />
      </label>
      <label>
        {t('targets.port')}
        <input
          value={port}
          onChange={(e) => setPort(e.currentTarget.value)}
          inputMode="numeric"
          pattern="[0-9]{1,5}"
          required
          placeholder="7000"
        />
      </label>
      <button type="submit" className="btn">
        {t('targets.addExternal')}
      </button>
      <button type="button" className="btn btn-quiet" onClick={() => void addEmbedded()}>
        {t('targets.addEmbedded')}
      </button>
      {message ? (
        <p className={`small${message.error ? ' text-bad' : ''}`} role="status">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
