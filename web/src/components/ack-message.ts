import type { TFunction } from 'i18next';
import type { ApiError } from '@poolscope/shared/protocol';
import { i18n } from '../i18n/i18n';

/** The knob a detail's JSON pointer names ("/pool/minIdle" -> "minIdle"). */
const fieldOf = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';

/**
 * One line a user can act on. In English, the server's own message plus each detail that adds
 * something: it is the most specific text there is. In another language the server's English is
 * no help, so the message is worded by the error's code and names the knobs its details point at.
 */
export function ackMessage(error: ApiError, t: TFunction): string {
  if (i18n.language === 'en') {
    const extra = error.details.map((d) => d.message).filter((m) => m && !error.message.includes(m));
    return [error.message, ...extra].filter(Boolean).join(' — ');
  }
  const headline = t(`errors.${error.code}`, { defaultValue: t('errors.unknown', { code: error.code }) });
  const fields = [...new Set(error.details.map((d) => fieldOf(d.path)).filter(Boolean))].map((name) =>
    t(`knobs.${name}.title`, { defaultValue: name }),
  );
  return fields.length > 0 ? `${headline} ${t('errors.fields', { fields: fields.join('、') })}` : headline;
}
