import type { VisitDto } from '@lianqiao/contracts';
import { App, Button, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/http';
import { delegationsApi } from '../api/events-api';
import { useDelegationChange, useVisits } from '../hooks/useEvents';

/** The itinerary: planned and recorded visits; a recorded one becomes a lead with one click. */
export function VisitsTable({ delegationId }: { delegationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const visits = useVisits(delegationId);
  const createLead = useDelegationChange(delegationId, (visit: VisitDto) =>
    delegationsApi.visitLead(delegationId, visit.id),
  );

  return (
    <Table<VisitDto>
      rowKey="id"
      size="small"
      loading={visits.isLoading}
      dataSource={visits.data?.items ?? []}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('events.visits.empty') }}
      columns={[
        {
          key: 'visitedAt',
          title: t('events.visits.visitedAt'),
          render: (_, v) => dayjs(v.visitedAt).format('MM-DD HH:mm'),
          width: 110,
        },
        {
          key: 'company',
          title: t('events.visits.company'),
          render: (_, v) => <Link to={`/companies/${v.companyId}`}>{v.companyName}</Link>,
        },
        { key: 'metWith', title: t('events.visits.metWith'), render: (_, v) => v.metWith ?? '—' },
        { key: 'summary', title: t('events.visits.summary'), render: (_, v) => v.summary ?? '—' },
        { key: 'result', title: t('events.visits.result'), render: (_, v) => v.result ?? '—' },
        { key: 'nextStep', title: t('events.visits.nextStep'), render: (_, v) => v.nextStep ?? '—' },
        {
          key: 'state',
          title: '',
          width: 200,
          render: (_, v) => (
            <>
              <Tag color={v.recorded ? 'green' : 'default'}>
                {v.recorded ? t('events.visits.recorded') : t('events.visits.planned')}
              </Tag>
              {v.leadId ? (
                <Link to={`/leads/${v.leadId}`}>{t('events.visits.hasLead')}</Link>
              ) : v.recorded ? (
                <Button
                  size="small"
                  loading={createLead.isPending && createLead.variables?.id === v.id}
                  onClick={() =>
                    createLead.mutate(v, {
                      onSuccess: (lead) => {
                        message.success(t('events.visits.leadCreated', { name: lead.name }));
                        void visits.refetch();
                      },
                      onError: (error) => void message.error(describeError(error, t)),
                    })
                  }
                >
                  {t('events.visits.createLead')}
                </Button>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
