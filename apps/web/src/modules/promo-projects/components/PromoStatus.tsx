import type { PromoProjectDto } from '@lianqiao/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isExpired, STATUS_COLORS } from '../utils';

/** The card's status, what is pending on its working copy, and its expiry. */
export function PromoStatus({ project }: { project: PromoProjectDto }) {
  const { t } = useTranslation();
  const expired = isExpired(project);
  // A draft's own review state says nothing more than its status.
  const showReview = project.reviewState !== 'clean' && project.liveVersion !== null;
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLORS[project.status]} variant="outlined" style={{ margin: 0 }}>
        {t(`promo.statuses.${project.status}`)}
      </Tag>
      {showReview ? (
        <Tag
          color={project.reviewState === 'returned' ? 'red' : project.reviewState === 'in_review' ? 'blue' : 'orange'}
          style={{ margin: 0 }}
        >
          {t(`promo.reviewStates.${project.reviewState}`)}
        </Tag>
      ) : project.reviewState === 'returned' ? (
        <Tag color="red" style={{ margin: 0 }}>
          {t('promo.reviewStates.returned')}
        </Tag>
      ) : null}
      {project.expiresAt ? (
        <Tooltip title={dayjs(project.expiresAt).format('YYYY-MM-DD HH:mm')}>
          <Tag color={expired ? 'default' : undefined} style={{ margin: 0 }}>
            {expired
              ? t('promo.expired')
              : t('promo.expiresOn', { date: dayjs(project.expiresAt).format('YYYY-MM-DD') })}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
