import type { CardInterestDto } from '@lianqiao/contracts';
import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/http';
import { LoadMoreFooter } from '../../../shared/layout';
import { usePromoInterests } from '../hooks/usePromoProjects';
import { useUserNames } from '../hooks/useUserNames';

/** 意向登记: what investors left on the card's page, newest first, each with the lead it became. */
export function InterestsTable({ promoId }: { promoId: string }) {
  const { t } = useTranslation();
  const list = usePromoInterests(promoId, true);
  const names = useUserNames(list.items.map((i) => i.referrerId));
  const columns: TableColumnsType<CardInterestDto> = [
    {
      title: t('promo.interests.name'),
      dataIndex: 'name',
      render: (name: string, interest) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          {interest.submissionCount > 1 ? (
            <Tag style={{ marginLeft: 6 }}>{t('promo.interests.submissions', { count: interest.submissionCount })}</Tag>
          ) : null}
        </>
      ),
    },
    { title: t('promo.interests.company'), dataIndex: 'company' },
    { title: t('promo.interests.mobile'), dataIndex: 'mobile', width: 130 },
    {
      title: t('promo.interests.message'),
      dataIndex: 'message',
      render: (text: string | null) =>
        text ? (
          <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 240 }}>
            {text}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('promo.interests.referrer'),
      dataIndex: 'referrerId',
      width: 110,
      render: (id: string | null) => (id ? (names.get(id) ?? t('common.none')) : t('common.none')),
    },
    {
      title: t('promo.interests.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('promo.interests.lead'),
      dataIndex: 'leadId',
      width: 100,
      render: (leadId: string | null) =>
        leadId ? <Link to={`/leads/${leadId}`}>{t('promo.interests.openLead')}</Link> : t('common.none'),
    },
  ];
  return (
    <>
      {list.isError ? (
        <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<CardInterestDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('promo.interests.empty') }}
      />
      <LoadMoreFooter list={list} />
    </>
  );
}
