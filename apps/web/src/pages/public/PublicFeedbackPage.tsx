import { PUBLIC_REQUEST_LIMITS } from '@lianqiao/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { publicRequestsApi } from '../../modules/aftercare/api/public-api';
import { isApiError } from '../../shared/http';
import { PublicLoading, PublicShell, PublicState, politeMessage } from './PublicShell';
import styles from './PublicPage.module.css';

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * The enterprise's one-time feedback page (/f/{token}): is the problem solved, how satisfied is
 * it (1–5), any comment. A link already used says so kindly instead of failing.
 */
export default function PublicFeedbackPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams<{ token: string }>();
  const view = useQuery({
    queryKey: ['public-feedback', token],
    queryFn: ({ signal }) => publicRequestsApi.feedbackView(token, signal),
    retry: (count, error) => count < 2 && isApiError(error) && error.kind === 'network',
    staleTime: Infinity,
  });
  const [solved, setSolved] = useState<boolean | null>(null);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<{ solved?: string; stars?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'thanks' | 'used' | null>(null);
  const send = useMutation({
    mutationFn: () =>
      publicRequestsApi.sendFeedback(token, {
        confirmed: solved as boolean,
        satisfaction: stars,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: () => setOutcome('thanks'),
    onError: (error) => {
      if (!isApiError(error) || error.kind !== 'api') setAlert(t('aftercare.public.networkError'));
      else if (error.status === 410) setOutcome('used');
      else setAlert(politeMessage(error.message));
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const found = {
      ...(solved === null ? { solved: t('aftercare.public.chooseSolved') } : {}),
      ...(stars === 0 ? { stars: t('aftercare.public.chooseStars') } : {}),
    };
    setProblems(found);
    if (!Object.keys(found).length) send.mutate();
  };

  const title = t('aftercare.public.feedbackTitle');
  const status = isApiError(view.error) ? view.error.status : null;
  if (outcome === 'used' || status === 410) {
    return (
      <PublicShell title={title} company={view.data?.companyName}>
        <PublicState
          tone="warn"
          title={t('aftercare.public.usedTitle')}
          text={t('aftercare.public.usedText')}
          testId="feedback-used"
        />
      </PublicShell>
    );
  }
  if (status === 404) {
    return (
      <PublicShell title={title}>
        <PublicState
          tone="warn"
          title={t('aftercare.public.feedbackGoneTitle')}
          text={t('aftercare.public.feedbackGoneText')}
          testId="feedback-gone"
        />
      </PublicShell>
    );
  }
  if (view.isError) {
    return (
      <PublicShell title={title}>
        <PublicState tone="warn" title={t('aftercare.public.networkError')} />
      </PublicShell>
    );
  }
  if (!view.data) {
    return (
      <PublicShell title={title}>
        <PublicLoading />
      </PublicShell>
    );
  }
  const v = view.data;
  if (outcome === 'thanks') {
    return (
      <PublicShell title={title} company={v.companyName}>
        <PublicState
          title={t('aftercare.public.thanksTitle')}
          text={solved ? undefined : t('aftercare.public.escalatedNote')}
          testId="feedback-thanks"
        />
      </PublicShell>
    );
  }

  return (
    <PublicShell title={title} company={v.companyName}>
      <section className={styles.card}>
        <p className={styles.intro}>{t('aftercare.public.feedbackIntro')}</p>
        <dl className={styles.summary}>
          <dt>{t('aftercare.public.yourRequest')}</dt>
          <dd>
            <strong>{t(`aftercare.categories.${v.category}`)}</strong> · {v.description}
            <div className={styles.meta}>
              {t('aftercare.public.submittedAt', { time: dayjs(v.submittedAt).format('YYYY-MM-DD') })}
            </div>
          </dd>
          <dt>{t('aftercare.public.resolution')}</dt>
          <dd data-testid="feedback-resolution">
            {v.resolution}
            {v.resolvedAt ? (
              <div className={styles.meta}>
                {t('aftercare.public.resolvedAt', { time: dayjs(v.resolvedAt).format('YYYY-MM-DD') })}
              </div>
            ) : null}
          </dd>
        </dl>
      </section>
      <form className={styles.card} onSubmit={onSubmit} noValidate>
        {alert ? (
          <div className={styles.alert} role="alert" data-testid="public-alert">
            {alert}
          </div>
        ) : null}
        <div className={styles.field}>
          <div className={`${styles.label} ${styles.required}`} id="solved-label">
            {t('aftercare.public.solvedQuestion')}
          </div>
          <div className={styles.choices} role="radiogroup" aria-labelledby="solved-label">
            {[true, false].map((value) => (
              <button
                key={String(value)}
                type="button"
                role="radio"
                aria-checked={solved === value}
                className={`${styles.choice} ${value ? '' : styles.no}`}
                onClick={() => {
                  setSolved(value);
                  setProblems((current) => ({ ...current, solved: undefined }));
                }}
              >
                {value ? t('aftercare.public.solved') : t('aftercare.public.notSolved')}
              </button>
            ))}
          </div>
          {solved === false ? <div className={styles.hint}>{t('aftercare.public.notSolvedHint')}</div> : null}
          {problems.solved ? (
            <div className={styles.error} role="alert">
              {problems.solved}
            </div>
          ) : null}
        </div>
        <div className={styles.field}>
          <div className={`${styles.label} ${styles.required}`} id="stars-label">
            {t('aftercare.public.satisfaction')}
          </div>
          <div className={styles.stars} role="radiogroup" aria-labelledby="stars-label">
            {STARS.map((value) => (
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={stars === value}
                aria-label={t('aftercare.public.star', { count: value })}
                className={`${styles.star} ${value <= stars ? styles.lit : ''}`}
                onClick={() => {
                  setStars(value);
                  setProblems((current) => ({ ...current, stars: undefined }));
                }}
              >
                ★
              </button>
            ))}
            {stars ? (
              <span className={styles.starLabel}>
                {t(`aftercare.public.starLabels.${String(stars) as '1' | '2' | '3' | '4' | '5'}`)}
              </span>
            ) : null}
          </div>
          {problems.stars ? (
            <div className={styles.error} role="alert">
              {problems.stars}
            </div>
          ) : null}
        </div>
        <div className={styles.field}>
          <label className={styles.label} htmlFor="feedback-comment">
            {t('aftercare.public.comment')}
          </label>
          <textarea
            id="feedback-comment"
            className={styles.textarea}
            style={{ minHeight: 88 }}
            value={comment}
            maxLength={PUBLIC_REQUEST_LIMITS.comment}
            placeholder={t('aftercare.public.commentPlaceholder')}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <button type="submit" className={styles.submit} disabled={send.isPending}>
          {send.isPending ? t('aftercare.public.submitting') : t('aftercare.public.sendFeedback')}
        </button>
      </form>
    </PublicShell>
  );
}
