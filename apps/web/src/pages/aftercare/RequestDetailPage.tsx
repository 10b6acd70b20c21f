import { ArrowLeftOutlined } from '@ant-design/icons';
import { aftercarePaths } from '@lianqiao/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Rate, Result, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { EditRequestDrawer } from '../../modules/aftercare/components/EditRequestDrawer';
import { FeedbackLinkCard } from '../../modules/aftercare/components/FeedbackLinkCard';
import { RequestActions } from '../../modules/aftercare/components/RequestActions';
import { CategoryTag, DeadlineTag, RequestStatusTag } from '../../modules/aftercare/components/RequestTags';
import { RequestTimeline } from '../../modules/aftercare/components/RequestTimeline';
import { useDepartments, useRequest } from '../../modules/aftercare/hooks/useAftercare';
import { useNameLookup, useOrgUnits } from '../../modules/org/hooks/useOrg';
import { describeError, isApiError } from '../../shared/http';

const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : null);

/** One request: what the enterprise asked, where it stands, what can be done next, and its history. */
export default function RequestDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const request = useRequest(id);
  const { departments } = useDepartments();
  const units = useOrgUnits();
  const unitNames = useNameLookup(units.data?.items);
  const back = (
    <Link to="/aftercare/requests">
      <Button icon={<ArrowLeftOutlined />}>{t('aftercare.request.back')}</Button>
    </Link>
  );

  if (request.isError) {
    const notFound = isApiError(request.error) && request.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('errors.notFoundTitle') : describeError(request.error, t)}
        subTitle={notFound ? describeError(request.error, t) : undefined}
        extra={back}
      />
    );
  }
  if (!request.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const r = request.data;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <>
      <Flex align="flex-end" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0, fontWeight: 600 }}>
            <Link to={aftercarePaths.company(r.companyId)} style={{ color: 'inherit' }}>
              {r.companyName}
            </Link>
          </Typography.Title>
          <Space size={8} wrap style={{ marginTop: 8 }}>
            <RequestStatusTag status={r.status} />
            <CategoryTag category={r.category} cannotBeDone={r.cannotBeDone} />
            <DeadlineTag request={r} hideClosed />
          </Space>
        </div>
        {back}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card
              variant="borderless"
              title={t('aftercare.request.title')}
              extra={
                <Space wrap>
                  <EditRequestDrawer request={r} user={me} />
                  <RequestActions request={r} user={me} departments={departments} />
                </Space>
              }
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="request-description">
                {r.description}
              </Typography.Paragraph>
              <Descriptions
                column={{ xs: 1, sm: 2 }}
                size="small"
                items={[
                  {
                    key: 'source',
                    label: t('aftercare.request.fields.source'),
                    children: t(`aftercare.sources.${r.source}`),
                  },
                  {
                    key: 'contact',
                    label: t('aftercare.request.fields.contact'),
                    children:
                      r.contactName || r.contactMobile
                        ? [r.contactName, r.contactMobile].filter(Boolean).join(' · ')
                        : none,
                  },
                  {
                    key: 'department',
                    label: t('aftercare.request.fields.department'),
                    children: (
                      <span data-testid="request-department">
                        {r.orgUnitName ?? (
                          <Typography.Text type="secondary">{t('aftercare.requests.notRouted')}</Typography.Text>
                        )}
                      </span>
                    ),
                  },
                  {
                    key: 'routedAt',
                    label: t('aftercare.request.fields.routedAt'),
                    children: time(r.routedAt) ?? none,
                  },
                  { key: 'createdAt', label: t('aftercare.request.fields.createdAt'), children: time(r.createdAt) },
                  { key: 'dueAt', label: t('aftercare.request.fields.dueAt'), children: time(r.dueAt) },
                  ...(r.loggedByName
                    ? [{ key: 'loggedBy', label: t('aftercare.request.fields.loggedBy'), children: r.loggedByName }]
                    : []),
                  ...(r.escalatedAt
                    ? [
                        {
                          key: 'escalation',
                          label: t('aftercare.request.fields.escalation'),
                          children: `${time(r.escalatedAt)} · ${r.escalationReason ? t(`aftercare.escalationReasons.${r.escalationReason}`) : ''}`,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            {r.resolution ? (
              <Card variant="borderless" title={t('aftercare.request.fields.resolution')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="request-resolution">
                  {r.resolution}
                </Typography.Paragraph>
                <Descriptions
                  column={{ xs: 1, sm: 2 }}
                  size="small"
                  items={[
                    {
                      key: 'resolvedAt',
                      label: t('aftercare.request.fields.resolvedAt'),
                      children: time(r.resolvedAt) ?? none,
                    },
                    {
                      key: 'confirmedAt',
                      label: t('aftercare.request.fields.confirmedAt'),
                      children: time(r.confirmedAt) ?? none,
                    },
                    {
                      key: 'satisfaction',
                      label: t('aftercare.request.fields.satisfaction'),
                      children:
                        r.satisfaction !== null ? (
                          <Space>
                            <Rate disabled value={r.satisfaction} style={{ fontSize: 14 }} />
                            <span data-testid="request-satisfaction">
                              {t('aftercare.stars', { value: r.satisfaction })}
                            </span>
                          </Space>
                        ) : (
                          none
                        ),
                    },
                    ...(r.satisfactionComment
                      ? [
                          {
                            key: 'comment',
                            label: t('aftercare.request.fields.comment'),
                            children: r.satisfactionComment,
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            ) : null}
            <FeedbackLinkCard request={r} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <RequestTimeline requestId={r.id} unitNames={unitNames} />
        </Col>
      </Row>
      {units.isError ? (
        <Alert type="warning" showIcon title={describeError(units.error, t)} style={{ marginTop: 16 }} />
      ) : null}
    </>
  );
}
