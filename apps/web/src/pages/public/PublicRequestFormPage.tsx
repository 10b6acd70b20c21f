import {
  PUBLIC_REQUEST_LIMITS,
  PUBLIC_REQUEST_MOBILE_PATTERN,
  REQUEST_CATEGORIES,
  type RequestCategory,
} from '@lianqiao/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { publicRequestsApi } from '../../modules/aftercare/api/public-api';
import { isApiError } from '../../shared/http';
import { PublicLoading, PublicShell, PublicState, politeMessage } from './PublicShell';
import styles from './PublicPage.module.css';

type Field = 'category' | 'description' | 'contactName' | 'contactMobile';
type Errors = Partial<Record<Field, string>>;

interface Draft {
  category: RequestCategory | '';
  description: string;
  contactName: string;
  contactMobile: string;
  cannotBeDone: boolean;
  /** The honeypot: people never see it, bots fill it. */
  website: string;
}

const EMPTY: Draft = {
  category: '',
  description: '',
  contactName: '',
  contactMobile: '',
  cannotBeDone: false,
  website: '',
};

/**
 * The enterprise's request form behind its QR code (/e/{token}): no login, made for a phone.
 * Checked here first, then by the server, whose 400 (per field) and 429 messages are shown as it
 * words them.
 */
export default function PublicRequestFormPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams<{ token: string }>();
  const form = useQuery({
    queryKey: ['public-request-form', token],
    queryFn: ({ signal }) => publicRequestsApi.form(token, signal),
    retry: (count, error) => count < 2 && isApiError(error) && error.kind === 'network',
    staleTime: Infinity,
  });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const submit = useMutation({
    mutationFn: () =>
      publicRequestsApi.submit(token, {
        category: draft.category as RequestCategory,
        description: draft.description.trim(),
        contactName: draft.contactName.trim(),
        contactMobile: draft.contactMobile.trim(),
        cannotBeDone: draft.cannotBeDone,
        website: draft.website,
      }),
    onSuccess: (answer) => {
      setReceipt(answer.message);
      setDraft(EMPTY);
    },
    onError: (error) => {
      if (!isApiError(error) || error.kind === 'network' || error.kind === 'unexpected') {
        setAlert(t('aftercare.public.networkError'));
        return;
      }
      if (error.status === 404) {
        setGone(true);
        return;
      }
      const byField: Errors = {};
      for (const detail of error.details) {
        if (['category', 'description', 'contactName', 'contactMobile'].includes(detail.field)) {
          byField[detail.field as Field] ??= detail.message;
        }
      }
      setErrors(byField);
      // A 429 or a rule with nothing to point at: the server's sentence on top.
      setAlert(Object.keys(byField).length ? null : politeMessage(error.message));
    },
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (key in errors) setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const check = (): Errors => {
    const found: Errors = {};
    if (!draft.category) found.category = t('aftercare.public.required.category');
    if (!draft.description.trim()) found.description = t('aftercare.public.required.description');
    else if (draft.description.trim().length > PUBLIC_REQUEST_LIMITS.description)
      found.description = t('aftercare.public.tooLong', { max: PUBLIC_REQUEST_LIMITS.description });
    if (!draft.contactName.trim()) found.contactName = t('aftercare.public.required.contactName');
    else if (draft.contactName.trim().length > PUBLIC_REQUEST_LIMITS.contactName)
      found.contactName = t('aftercare.public.tooLong', { max: PUBLIC_REQUEST_LIMITS.contactName });
    if (!draft.contactMobile.trim()) found.contactMobile = t('aftercare.public.required.contactMobile');
    else if (!PUBLIC_REQUEST_MOBILE_PATTERN.test(draft.contactMobile.trim()))
      found.contactMobile = t('aftercare.public.mobileFormat');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(`field-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    submit.mutate();
  };

  const title = t('aftercare.public.formTitle');
  if (gone || (form.isError && isApiError(form.error) && form.error.status === 404)) {
    return (
      <PublicShell title={title}>
        <PublicState
          tone="warn"
          title={t('aftercare.public.linkGoneTitle')}
          text={t('aftercare.public.linkGoneText')}
          testId="public-gone"
        />
      </PublicShell>
    );
  }
  if (form.isError) {
    return (
      <PublicShell title={title}>
        <PublicState tone="warn" title={t('aftercare.public.networkError')} />
      </PublicShell>
    );
  }
  if (!form.data) {
    return (
      <PublicShell title={title}>
        <PublicLoading />
      </PublicShell>
    );
  }
  if (receipt) {
    return (
      <PublicShell title={title} company={form.data.companyName}>
        <PublicState title={t('aftercare.public.receivedTitle')} text={receipt} testId="public-received">
          <button type="button" className={styles.secondary} onClick={() => setReceipt(null)}>
            {t('aftercare.public.another')}
          </button>
        </PublicState>
      </PublicShell>
    );
  }

  const describedBy = (field: Field) => (errors[field] ? `error-${field}` : undefined);
  const error = (field: Field) =>
    errors[field] ? (
      <div className={styles.error} id={`error-${field}`} role="alert">
        {errors[field]}
      </div>
    ) : null;

  return (
    <PublicShell title={title} company={form.data.companyName}>
      <form className={styles.card} onSubmit={onSubmit} noValidate>
        <p className={styles.intro}>{t('aftercare.public.formIntro')}</p>
        {alert ? (
          <div className={styles.alert} role="alert" data-testid="public-alert">
            {alert}
          </div>
        ) : null}
        <fieldset
          className={`${styles.field} ${styles.chips}`}
          aria-describedby={describedBy('category')}
          id="field-category"
          tabIndex={-1}
        >
          <legend className={`${styles.label} ${styles.required}`}>{t('aftercare.public.category')}</legend>
          {(form.data.categories.length ? form.data.categories.map((c) => c.value) : REQUEST_CATEGORIES).map(
            (category) => (
              <label key={category} className={styles.chip}>
                <input
                  type="radio"
                  name="category"
                  value={category}
                  checked={draft.category === category}
                  onChange={() => set('category', category)}
                />
                <span>{t(`aftercare.categories.${category}`)}</span>
              </label>
            ),
          )}
          <div style={{ flexBasis: '100%' }}>{error('category')}</div>
        </fieldset>
        <div className={styles.field}>
          <label className={`${styles.label} ${styles.required}`} htmlFor="field-description">
            {t('aftercare.public.description')}
          </label>
          <textarea
            id="field-description"
            className={`${styles.textarea} ${errors.description ? styles.invalid : ''}`}
            value={draft.description}
            maxLength={PUBLIC_REQUEST_LIMITS.description}
            placeholder={t('aftercare.public.descriptionPlaceholder')}
            aria-invalid={Boolean(errors.description)}
            aria-describedby={describedBy('description')}
            onChange={(event) => set('description', event.target.value)}
          />
          <div className={styles.counter}>
            {t('aftercare.public.counter', { count: draft.description.length, max: PUBLIC_REQUEST_LIMITS.description })}
          </div>
          {error('description')}
        </div>
        <div className={styles.field}>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={draft.cannotBeDone}
              onChange={(event) => set('cannotBeDone', event.target.checked)}
            />
            <span>{t('aftercare.public.cannotBeDone')}</span>
          </label>
        </div>
        <div className={styles.field}>
          <label className={`${styles.label} ${styles.required}`} htmlFor="field-contactName">
            {t('aftercare.public.contactName')}
          </label>
          <input
            id="field-contactName"
            className={`${styles.input} ${errors.contactName ? styles.invalid : ''}`}
            value={draft.contactName}
            maxLength={PUBLIC_REQUEST_LIMITS.contactName}
            autoComplete="name"
            placeholder={t('aftercare.public.contactNamePlaceholder')}
            aria-invalid={Boolean(errors.contactName)}
            aria-describedby={describedBy('contactName')}
            onChange={(event) => set('contactName', event.target.value)}
          />
          {error('contactName')}
        </div>
        <div className={styles.field}>
          <label className={`${styles.label} ${styles.required}`} htmlFor="field-contactMobile">
            {t('aftercare.public.contactMobile')}
          </label>
          <input
            id="field-contactMobile"
            className={`${styles.input} ${errors.contactMobile ? styles.invalid : ''}`}
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            value={draft.contactMobile}
            placeholder={t('aftercare.public.contactMobilePlaceholder')}
            aria-invalid={Boolean(errors.contactMobile)}
            aria-describedby={describedBy('contactMobile')}
            onChange={(event) => set('contactMobile', event.target.value.replace(/\s/g, ''))}
          />
          {error('contactMobile')}
        </div>
        <div className={styles.trap} aria-hidden="true">
          <label>
            {t('aftercare.public.honeypot')}
            <input
              name="website"
              tabIndex={-1}
              autoComplete="off"
              value={draft.website}
              onChange={(event) => set('website', event.target.value)}
            />
          </label>
        </div>
        <button type="submit" className={styles.submit} disabled={submit.isPending}>
          {submit.isPending ? t('aftercare.public.submitting') : t('aftercare.public.submit')}
        </button>
        <p className={styles.note}>{t('aftercare.public.privacy')}</p>
      </form>
    </PublicShell>
  );
}
