import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PromoProjectDto } from '@lianqiao/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { CardPreview } from '../../modules/promo-projects/components/CardPreview';
import { ExpiryEditor } from '../../modules/promo-projects/components/ExpiryEditor';
import { InterestsTable } from '../../modules/promo-projects/components/InterestsTable';
import { PromoStatus } from '../../modules/promo-projects/components/PromoStatus';
import { ReviewActions } from '../../modules/promo-projects/components/ReviewActions';
import { VersionHistory } from '../../modules/promo-projects/components/VersionHistory';
import { usePromoPreview, usePromoProject } from '../../modules/promo-projects/hooks/usePromoProjects';
import { useUserNames } from '../../modules/promo-projects/hooks/useUserNames';
import { canEditPromo, canReview, isExpired, isLive } from '../../modules/promo-projects/utils';
import { SharePanel } from '../../modules/share/components/SharePanel';
import { describeError, isApiError } from '../../shared/http';
import { PageHeader } from '../../shared/layout';

const TABS = ['share', 'preview', 'versions', 'interests'] as const;
type DetailTab = (typeof TABS)[number];

/** Where the card stands, in one sentence a colleague understands. */
function StateAlert({ project, leader }: { project: PromoProjectDto; leader: boolean }) {
  const { t } = useTranslation();
  const style = { marginBottom: 16 };
  if (project.reviewState === 'in_review') {
    return (
      <Alert
        type="info"
        showIcon
        style={style}
        title={leader ? t('promo.detail.inReviewLeaderAlert') : t('promo.detail.inReviewAlert')}
      />
    );
  }
  if (project.reviewState === 'returned') {
    return (
      <Alert
        type="error"
        showIcon
        style={style}
        title={t('promo.detail.returnedAlert')}
        description={project.reviewComment}
      />
    );
  }
  if (isExpired(project) && project.status === 'published') {
    return (
      <Alert
        type="warning"
        showIcon
        style={style}
        title={t('promo.detail.expiredAlert', { date: dayjs(project.expiresAt).format('YYYY-MM-DD') })}
      />
    );
  }
  if (project.status === 'paused')
    return <Alert type="warning" showIcon style={style} title={t('promo.detail.pausedAlert')} />;
  if (project.status === 'unpublished')
    return <Alert type="warning" showIcon style={style} title={t('promo.detail.unpublishedAlert')} />;
  if (project.reviewState === 'editing') {
    return (
      <Alert
        type="warning"
        showIcon
        style={style}
        title={
          project.liveVersion
            ? t('promo.detail.editingAlert', { version: project.liveVersion })
            : t('promo.detail.editingDraftAlert')
        }
      />
    );
  }
  return null;
}

/** 推介项目详情: the share package, the phone preview, the versions and the interests of one card. */
export default function PromoProjectDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const { id = '' } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const query = usePromoProject(id);
  const project = query.data;
  const preview = usePromoPreview(project ? id : undefined);
  const names = useUserNames([project?.ownerId]);

  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('promo.detail.notFound')}
          extra={<Button onClick={() => navigate('/promo-projects')}>{t('promo.detail.backToList')}</Button>}
        />
      );
    }
    return <Alert type="error" showIcon title={describeError(query.error, t)} />;
  }
  if (!project) return <Skeleton active paragraph={{ rows: 12 }} />;

  const editable = canEditPromo(me, project);
  const live = isLive(project);
  const available: DetailTab[] = TABS.filter((tab) => tab !== 'interests' || editable);
  const requested = params.get('tab') as DetailTab | null;
  const tab: DetailTab = requested && available.includes(requested) ? requested : live ? 'share' : 'preview';

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('promo.detail.backToList')}
              onClick={() => navigate('/promo-projects')}
            />
            <span>{project.title}</span>
          </Flex>
        }
        subtitle={
          <Flex gap={6} align="center" wrap component="span">
            <Tag style={{ margin: 0 }}>{t(`promo.kinds.${project.kind}`)}</Tag>
            <PromoStatus project={project} />
          </Flex>
        }
        extra={<ReviewActions project={project} me={me} />}
      />
      <StateAlert project={project} leader={canReview(me)} />
      <Row gutter={[16, 16]}>
        <Col flex="1 1 640px" style={{ minWidth: 0 }}>
          <Card variant="borderless">
            <Tabs
              activeKey={tab}
              onChange={(next) =>
                setParams(
                  (current) => {
                    const copy = new URLSearchParams(current);
                    copy.set('tab', next);
                    return copy;
                  },
                  { replace: true },
                )
              }
              items={available.map((key) => ({
                key,
                label: t(`promo.detail.tabs.${key}`),
                children:
                  key === 'share' ? (
                    <SharePanel project={project} />
                  ) : key === 'preview' ? (
                    <Flex vertical align="center" gap={8}>
                      <Typography.Text type="secondary">{t('promo.detail.previewOf')}</Typography.Text>
                      {preview.data ? (
                        <CardPreview card={preview.data} referralCode={me.referralCode} />
                      ) : (
                        <Skeleton active />
                      )}
                    </Flex>
                  ) : key === 'versions' ? (
                    <VersionHistory project={project} />
                  ) : (
                    <InterestsTable promoId={project.id} />
                  ),
              }))}
            />
          </Card>
        </Col>
        <Col flex="0 0 340px">
          <Card variant="borderless">
            <Descriptions column={1} size="small" layout="vertical">
              <Descriptions.Item label={t('promo.detail.publicLink')}>
                <Typography.Link
                  href={project.publicUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  copyable={{ text: project.publicUrl }}
                >
                  /c/{project.slug}
                </Typography.Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('promo.detail.owner')}>
                {names.get(project.ownerId) ?? t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('promo.detail.liveVersion')}>
                {project.liveVersion
                  ? t('promo.detail.liveVersionValue', { version: project.liveVersion })
                  : t('promo.detail.notPublished')}
              </Descriptions.Item>
              {project.publishedAt ? (
                <Descriptions.Item label={t('promo.detail.publishedAt')}>
                  {dayjs(project.publishedAt).format('YYYY-MM-DD HH:mm')}
                </Descriptions.Item>
              ) : null}
              {project.submittedAt ? (
                <Descriptions.Item label={t('promo.detail.submittedAt')}>
                  {dayjs(project.submittedAt).format('YYYY-MM-DD HH:mm')}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('promo.detail.expiresAt')}>
                <ExpiryEditor key={`${project.expiresAt}`} project={project} editable={editable} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
