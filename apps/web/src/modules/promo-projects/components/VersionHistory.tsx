import { plainText } from '@lianqiao/card';
import type { PromoContentDto, PromoProjectDto, PromoVersionDto } from '@lianqiao/contracts';
import { Alert, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { usePromoVersions } from '../hooks/usePromoProjects';
import { useUserNames } from '../hooks/useUserNames';

type Field = keyof PromoContentDto;
const SHORT_FIELDS: Field[] = [
  'kind',
  'title',
  'location',
  'landMu',
  'floorAreaM2',
  'investmentScaleWan',
  'contactName',
  'contactPhone',
];
const LONG_FIELDS: Field[] = ['summary', 'advantages', 'policies', 'chainNodeIds'];
const LABELS = {
  kind: 'promo.fields.kind',
  title: 'promo.fields.title',
  summary: 'promo.fields.summary',
  chainNodeIds: 'promo.fields.chainNodeIds',
  location: 'promo.fields.location',
  landMu: 'promo.fields.landMu',
  floorAreaM2: 'promo.fields.floorAreaM2',
  investmentScaleWan: 'promo.fields.investmentScaleWan',
  advantages: 'promo.fields.advantages',
  policies: 'promo.fields.policies',
  contactName: 'promo.fields.contactName',
  contactPhone: 'promo.fields.contactPhone',
  coverImageId: 'promo.fields.cover',
  galleryImageIds: 'promo.fields.gallery',
} as const satisfies Record<Field, `promo.fields.${string}`>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a leader approved in a version, against the version before it, in words. */
export function describeChanges(previous: PromoContentDto | null, next: PromoContentDto, t: TFunction): string[] {
  if (!previous) return [t('promo.versions.firstVersion')];
  const shown = (field: Field, value: unknown) => {
    if (value === null || value === undefined || value === '') return t('promo.versions.emptyValue');
    return field === 'kind' ? t(`promo.kinds.${value as PromoContentDto['kind']}`) : String(value);
  };
  const lines: string[] = [];
  for (const field of SHORT_FIELDS) {
    if (!same(previous[field], next[field])) {
      lines.push(
        t('promo.versions.fieldChanged', {
          field: t(LABELS[field]),
          from: shown(field, previous[field]),
          to: shown(field, next[field]),
        }),
      );
    }
  }
  for (const field of LONG_FIELDS) {
    const before = field === 'chainNodeIds' ? previous[field] : plainText(String(previous[field] ?? ''));
    const after = field === 'chainNodeIds' ? next[field] : plainText(String(next[field] ?? ''));
    if (!same(before, after)) lines.push(t('promo.versions.textChanged', { field: t(LABELS[field]) }));
  }
  if (!same(previous.coverImageId, next.coverImageId) || !same(previous.galleryImageIds, next.galleryImageIds)) {
    lines.push(t('promo.versions.imagesChanged'));
  }
  return lines.length ? lines : [t('promo.versions.noChanges')];
}

/** 版本记录: every approved version, newest first, who submitted and approved it, and what it changed. */
export function VersionHistory({ project }: { project: PromoProjectDto }) {
  const { t } = useTranslation();
  const versions = usePromoVersions(project.id);
  const list: PromoVersionDto[] = versions.data ?? [];
  const names = useUserNames(list.flatMap((v) => [v.approvedById, v.submittedById]));

  if (versions.isLoading) return <Skeleton active />;
  if (versions.isError) return <Alert type="error" showIcon title={describeError(versions.error, t)} />;
  if (!list.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('promo.versions.empty')} />;

  return (
    <Timeline
      data-testid="version-history"
      items={list.map((version, index) => ({
        key: version.number,
        color: version.number === project.liveVersion ? 'green' : 'gray',
        content: (
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{t('promo.versions.version', { number: version.number })}</Typography.Text>
              {version.number === project.liveVersion ? <Tag color="green">{t('promo.versions.current')}</Tag> : null}
              <Typography.Text type="secondary">
                {dayjs(version.approvedAt).format('YYYY-MM-DD HH:mm')} ·{' '}
                {t('promo.versions.approvedBy', { name: names.get(version.approvedById) ?? t('common.none') })}
              </Typography.Text>
            </Flex>
            {version.submittedById ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('promo.versions.submittedBy', { name: names.get(version.submittedById) ?? t('common.none') })}
              </Typography.Text>
            ) : null}
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {describeChanges(list[index + 1]?.content ?? null, version.content, t).map((line) => (
                <li key={line}>
                  <Typography.Text style={{ fontSize: 13 }}>{line}</Typography.Text>
                </li>
              ))}
            </ul>
          </Flex>
        ),
      }))}
    />
  );
}
