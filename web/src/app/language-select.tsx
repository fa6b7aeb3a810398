import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/language';

/** The language switch, labelled in both scripts so either reader can find it; the choice is remembered. */
export function LanguageSelect() {
  const id = useId();
  const { t, i18n } = useTranslation();
  return (
    <span className="language-select">
      <label htmlFor={id} className="sr-only">
        {t('header.language')}
      </label>
      <span aria-hidden="true" translate="no" className="language-icon">
        文/A
      </span>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isLanguage(v)) chooseLanguage(v);
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_NAMES[lng]}
          </option>
        ))}
      </select>
    </span>
  );
}
