import { useEffect, useMemo, useState } from 'preact/hooks';
import { authorityChoices, authorityLabel, buildComplaint, complaintLanguages } from '@/data/assess/complaint';
import type { EvidenceFiles } from '@/data/assess/evidence-files';
import type { Authority } from '@/data/dataset/schema';
import { LOCALES, type Translate } from '@/data/i18n/translator';
import type { TabReport } from '@/data/protocol';
import { useI18n } from './i18n';

/** What the panel needs from its page: everything that touches the browser stays there. */
export interface EvidenceActions {
  /** Builds the HAR and the report and hands both to the browser as downloads; resolves with what was saved. */
  save: (keepQuery: boolean) => Promise<EvidenceFiles>;
  loadAuthorities: () => Promise<{ authorities: Authority[]; eea: string[] }>;
  /** The messages of another language, for a complaint in the authority's language. */
  translatorFor: (lang: string) => Promise<Translate>;
  copy: (text: string) => Promise<void>;
  /** The user's likely country (time zone, then locale), to preselect an authority. */
  country: string | undefined;
}

export interface EvidencePanelProps {
  report: TabReport;
  actions: EvidenceActions;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "Save evidence" and the complaint draft: the files first, so the draft can name them and the HAR's SHA-256. */
export function EvidencePanel({ report, actions }: EvidencePanelProps) {
  const { t } = useI18n();
  const [keepQuery, setKeepQuery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<EvidenceFiles | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setSaved(await actions.save(keepQuery));
    } catch (e) {
      setError(t('evFailed', [messageOf(e)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="evidence" data-testid="evidence">
      <p class="muted">{t('evIntro')}</p>
      <div class="field">
        <label>
          <input type="checkbox" checked={keepQuery} onChange={(e) => setKeepQuery(e.currentTarget.checked)} aria-describedby="ev-query-warning" data-testid="evidence-keep-query" />{' '}
          {t('evKeepQuery')}
        </label>
        <p id="ev-query-warning" class={keepQuery ? 'note warning' : 'note'} data-testid="evidence-query-warning">
          {t('evKeepQueryWarning')}
        </p>
      </div>
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => void save()} data-testid="evidence-save">
          {t('evSave')}
        </button>
      </div>
      <div role="status" data-testid="evidence-status">
        {saved && (
          <>
            <p data-testid="evidence-saved">{t('evSaved', [saved.har.filename, saved.report.filename])}</p>
            <p class="hash" data-testid="evidence-sha256">
              {t('evHash', [saved.sha256])}
            </p>
          </>
        )}
        {error && <p class="error">{error}</p>}
      </div>
      <ComplaintDraft report={report} actions={actions} saved={saved} />
    </div>
  );
}

interface ComplaintDraftProps {
  report: TabReport;
  actions: EvidenceActions;
  saved: EvidenceFiles | null;
}

function ComplaintDraft({ report, actions, saved }: ComplaintDraftProps) {
  const { t, lang } = useI18n();
  const [directory, setDirectory] = useState<{ authorities: Authority[]; eea: string[] } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [texts, setTexts] = useState<{ lang: string; t: Translate } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    actions.loadAuthorities().then(setDirectory, (e: unknown) => setFailed(messageOf(e)));
  }, [actions]);

  const choices = useMemo(
    () => (directory ? authorityChoices(directory.authorities, report.residence, actions.country, directory.eea) : null),
    [directory, report.residence, actions.country],
  );
  const authorityId = picked ?? choices?.preselected ?? null;
  const authority = directory?.authorities.find((a) => a.id === authorityId) ?? null;
  const uiLang = lang.split('-')[0]!;
  const languages = authority ? [...new Set([...complaintLanguages(authority), 'en', ...((LOCALES as readonly string[]).includes(uiLang) ? [uiLang] : [])])] : [];
  const chosenLanguage = language && languages.includes(language) ? language : (languages[0] ?? null);

  useEffect(() => {
    if (!chosenLanguage || texts?.lang === chosenLanguage) return;
    let live = true;
    actions.translatorFor(chosenLanguage).then(
      (tr) => live && setTexts({ lang: chosenLanguage, t: tr }),
      (e: unknown) => live && setFailed(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [chosenLanguage, actions, texts?.lang]);

  const observedAt = report.requests.length ? Math.min(...report.requests.map((r) => r.time)) : (saved?.savedAt ?? 0);
  const complaint =
    authority && texts && texts.lang === chosenLanguage
      ? buildComplaint({
          report,
          authority,
          evidence: saved ? { files: { har: saved.har.filename, report: saved.report.filename }, sha256: saved.sha256 } : null,
          observedAt,
          t: texts.t,
          lang: texts.lang,
        })
      : null;
  const text = complaint ? `${complaint.subject}\n\n${complaint.body}` : '';
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  return (
    <div class="complaint" data-testid="complaint">
      <h3>{t('cmpHeading')}</h3>
      {failed && <p class="error">{failed}</p>}
      {choices && (
        <>
          <div class="field">
            <label for="cmp-authority">{t('cmpAuthority')}</label>{' '}
            <select
              id="cmp-authority"
              value={authorityId ?? ''}
              onChange={(e) => {
                setPicked(e.currentTarget.value || null);
                setCopied(false);
              }}
              aria-describedby="cmp-authority-hint"
              data-testid="complaint-authority"
            >
              {!authorityId && <option value="">{t('cmpNoPreselect')}</option>}
              {choices.ordered.map((a) => (
                <option value={a.id}>{authorityLabel(a, lang)}</option>
              ))}
            </select>
            <p id="cmp-authority-hint" class="muted">
              {choices.preselected ? t('cmpPickHint') : t('cmpNoPreselect')}
            </p>
          </div>
          {authority && (
            <div class="field">
              <label for="cmp-language">{t('cmpLanguage')}</label>{' '}
              <select id="cmp-language" value={chosenLanguage ?? ''} onChange={(e) => setLanguage(e.currentTarget.value)} data-testid="complaint-language">
                {languages.map((l) => (
                  <option value={l}>{languageName(l)}</option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
      {!saved && <p class="note" data-testid="complaint-save-first">{t('cmpSaveFirst')}</p>}
      {complaint && authority && (
        <>
          <label for="cmp-text" class="visually-hidden">
            {t('cmpTextLabel')}
          </label>
          <textarea id="cmp-text" readOnly rows={14} lang={complaint.lang} value={text} data-testid="complaint-text" data-authority={authority.id} />
          <div class="buttons">
            <button type="button" data-testid="complaint-copy" onClick={() => void actions.copy(text).then(() => setCopied(true))}>
              {copied ? t('cmpCopied') : t('cmpCopy')}
            </button>
            {complaint.mailto && authority.email && (
              <a class="button" href={complaint.mailto} target="_blank" rel="noopener noreferrer" data-testid="complaint-mail">
                {t('cmpEmailDraft', [authority.email])}
              </a>
            )}
            <a href={complaint.channelUrl} target="_blank" rel="noopener noreferrer" data-testid="complaint-page">
              {complaint.channel === 'form' ? t('cmpOpenForm') : t('cmpOpenWebsite')}
              <span class="visually-hidden">{` ${t('newTab')}`}</span>
            </a>
          </div>
          {!complaint.mailto && <p class="muted" data-testid="complaint-no-email">{t('cmpNoEmail')}</p>}
        </>
      )}
    </div>
  );
}
