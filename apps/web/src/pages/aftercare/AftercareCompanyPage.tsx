import { isAdmin, seesAllTeams } from '@lianqiao/domain';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CultivationEntryDto } from '@lianqiao/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { AssignmentModal } from '../../modules/aftercare/components/AssignmentModal';
import { CreateRequestDrawer } from '../../modules/aftercare/components/CreateRequestDrawer';
import { RequestQrCard } from '../../modules/aftercare/components/RequestQrCard';
import { RequestsTable } from '../../modules/aftercare/components/RequestsTable';
import {
  useAftercareCompany,
  useCultivation,
  useDepartments,
  useRequests,
  useUpdateAssignment,
} from '../../modules/aftercare/hooks/useAftercare';
import { describeError, isApiError } from '../../shared/http';
import { LoadMoreFooter } from '../../shared/layout';

/** One enterprise's aftercare: who looks after it, its request QR code, its requests and cultivation plans. */
export default function AftercareCompanyPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { id } = useParams<{ id: string }>();
  const me = useCurrentUser();
  const company = useAftercareCompany(id);
  const requestFilters = useMemo(() => ({ companyId: id }), [id]);
  const requests = useRequests(requestFilters);
  const cultivationFilters = useMemo(() => ({ companyId: id }), [id]);
  const cultivation = useCultivation(cultivationFilters);
  const { departments } = useDepartments();
  const update = useUpdateAssignment();
  const [assigning, setAssigning] = useState({ open: false, key: 0 });
  const [creating, setCreating] = useState({ open: false, key: 0 });
  const mayAssign = seesAllTeams(me);
  const back = (
    <Link to="/aftercare/companies">
      <Button icon={<ArrowLeftOutlined />}>{t('aftercare.company.back')}</Button>
    </Link>
  );

  if (company.isError) {
    const notFound = isApiError(company.error) && company.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('errors.notFoundTitle') : describeError(company.error, t)}
        subTitle={notFound ? describeError(company.error, t) : undefined}
        extra={back}
      />
    );
  }
  if (!company.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const c = company.data;

  const setEligible = (eligible: boolean) =>
    modal.confirm({
      title: eligible ? t('aftercare.company.markEligible') : t('aftercare.company.unmarkEligible'),
      content: t(eligible ? 'aftercare.company.markConfirm' : 'aftercare.company.unmarkConfirm', {
        name: c.companyName,
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        update
          .mutateAsync({ companyId: c.companyId, aftercareEligible: eligible, version: c.version })
          .then(() => message.success(t(eligible ? 'aftercare.company.marked' : 'aftercare.company.unmarked')))
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });

  const person = (p: typeof c.responsibleLeader) =>
    p ? (
      <Typography.Text strong>{p.displayName}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t('aftercare.unassigned')}</Typography.Text>
    );

  return (
    <>
      <Flex align="flex-end" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0, fontWeight: 600 }}>
            {c.companyName}
          </Typography.Title>
          <Space size={6} style={{ marginTop: 8 }}>
            {c.landed ? <Tag color="green">{t('aftercare.companies.landed')}</Tag> : null}
            {c.aftercareEligible ? <Tag color="purple">{t('aftercare.companies.marked')}</Tag> : null}
            {!c.inAftercare ? <Tag>{t('aftercare.companies.notInAftercare')}</Tag> : null}
          </Space>
        </div>
        <Space>
          {isAdmin(me) && !c.landed ? (
            <Button onClick={() => setEligible(!c.aftercareEligible)} loading={update.isPending}>
              {c.aftercareEligible ? t('aftercare.company.unmarkEligible') : t('aftercare.company.markEligible')}
            </Button>
          ) : null}
          {back}
        </Space>
      </Flex>
      {!c.inAftercare ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('aftercare.company.notInAftercareTitle')}
          description={t('aftercare.company.notInAftercareText')}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card
            variant="borderless"
            title={t('aftercare.company.assignmentTitle')}
            extra={
              mayAssign && c.inAftercare ? (
                <Button
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setAssigning((current) => ({ open: true, key: current.key + 1 }))}
                >
                  {t('aftercare.assignment.edit')}
                </Button>
              ) : null
            }
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'leader', label: t('aftercare.assignment.leader'), children: person(c.responsibleLeader) },
                { key: 'rep', label: t('aftercare.assignment.rep'), children: person(c.affairsRep) },
                {
                  key: 'updatedAt',
                  label: t('aftercare.company.updatedAt'),
                  children: c.updatedAt
                    ? dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm')
                    : t('aftercare.company.neverAssigned'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {c.inAftercare ? <RequestQrCard companyId={c.companyId} companyName={c.companyName} /> : null}
        </Col>
        <Col span={24}>
          <Card
            variant="borderless"
            title={t('aftercare.company.requestsTitle')}
            extra={
              c.inAftercare ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating((current) => ({ open: true, key: current.key + 1 }))}
                >
                  {t('aftercare.requests.create')}
                </Button>
              ) : null
            }
          >
            {requests.isError ? <Alert type="error" showIcon title={describeError(requests.error, t)} /> : null}
            <RequestsTable
              requests={requests.items}
              loading={requests.isLoading}
              show={['source']}
              emptyText={t('aftercare.requests.empty')}
            />
            <LoadMoreFooter list={requests} />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            variant="borderless"
            title={t('aftercare.company.cultivationTitle')}
            extra={<Link to="/aftercare/cultivation">{t('aftercare.company.openPool')}</Link>}
          >
            {cultivation.items.length ? (
              <List<CultivationEntryDto>
                dataSource={cultivation.items}
                renderItem={(entry) => (
                  <List.Item>
                    <Flex gap={16} align="center" wrap style={{ width: '100%' }}>
                      <Tag color="geekblue">{t(`aftercare.goals.${entry.goal}`)}</Tag>
                      <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: 0, flex: 1, minWidth: 200 }}>
                        {entry.measures}
                      </Typography.Paragraph>
                      <Progress
                        percent={Math.round(entry.progress * 100)}
                        size="small"
                        style={{ width: 160, margin: 0 }}
                      />
                      {entry.achievedOn ? (
                        <Tag color="success">{t('aftercare.cultivation.achievedOn', { date: entry.achievedOn })}</Tag>
                      ) : null}
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftercare.company.noCultivation')} />
            )}
          </Card>
        </Col>
      </Row>
      <AssignmentModal
        key={assigning.key}
        open={assigning.open}
        company={c}
        onClose={() => setAssigning((current) => ({ ...current, open: false }))}
      />
      <CreateRequestDrawer
        key={`create-${creating.key}`}
        open={creating.open}
        company={{ id: c.companyId, name: c.companyName }}
        departments={departments}
        onClose={() => setCreating((current) => ({ ...current, open: false }))}
      />
    </>
  );
}
