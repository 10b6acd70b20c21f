import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { delegationsApi } from '../api/events-api';
import { useTripReport } from '../hooks/useEvents';
import { formatWan } from '../utils';
import styles from './TripReport.module.css';

/** 外出招商情况表 (来访接待情况表 for receptions): generated from the visits; printable and downloadable. */
export function TripReport({ delegationId }: { delegationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useTripReport(delegationId, true);
  const [downloading, setDownloading] = useState(false);

  if (report.isLoading) return <Skeleton active />;
  if (report.isError || !report.data) return <Alert type="error" showIcon title={describeError(report.error, t)} />;
  const { delegation: d, visits, totals } = report.data;

  const download = async () => {
    setDownloading(true);
    try {
      await delegationsApi.downloadReport(delegationId);
    } catch (error) {
      message.error(describeError(error, t));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card variant="borderless">
      <Flex justify="flex-end" gap={8} className={styles.noPrint} style={{ marginBottom: 16 }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('events.report.print')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
          {t('events.report.download')}
        </Button>
      </Flex>
      <div className={styles.report} data-testid="trip-report">
        <h2 className={styles.title}>{report.data.title}</h2>
        <table>
          <tbody>
            <tr>
              <th>{t('events.delegations.fields.name')}</th>
              <td>{d.name}</td>
              <th>{t('events.delegations.fields.direction')}</th>
              <td>{d.directionLabel}</td>
            </tr>
            <tr>
              <th>{t('events.report.dates')}</th>
              <td>
                {d.startsOn} – {d.endsOn}（{t('events.report.days', { days: d.days })}）
              </td>
              <th>{t('events.report.cities')}</th>
              <td>{d.cities.join('、') || '—'}</td>
            </tr>
            <tr>
              <th>{t('events.report.leader')}</th>
              <td>{d.leader?.displayName ?? '—'}</td>
              <th>{t('events.report.team')}</th>
              <td>{d.teamName ?? '—'}</td>
            </tr>
            <tr>
              <th>{t('events.report.members')}</th>
              <td colSpan={3}>{d.members.map((member) => member.displayName ?? '—').join('、') || '—'}</td>
            </tr>
          </tbody>
        </table>
        <table style={{ marginTop: 16 }}>
          <thead>
            <tr>
              <th>{t('events.report.date')}</th>
              <th>{t('events.report.company')}</th>
              <th>{t('events.report.contacts')}</th>
              <th>{t('events.report.summary')}</th>
              <th>{t('events.report.result')}</th>
              <th>{t('events.report.nextStep')}</th>
              <th>{t('events.report.lead')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => (
              <tr key={visit.id}>
                <td>
                  {visit.date} {dayjs(visit.visitedAt).format('HH:mm')}
                </td>
                <td>
                  {visit.companyName}
                  {visit.companyCity ? `（${visit.companyCity}）` : ''}
                </td>
                <td>
                  {[visit.metWith, ...visit.contacts.map((c) => (c.title ? `${c.name}（${c.title}）` : c.name))]
                    .filter(Boolean)
                    .join('、') || '—'}
                </td>
                <td>{visit.summary ?? '—'}</td>
                <td>{visit.result ?? '—'}</td>
                <td>{visit.nextStep ?? '—'}</td>
                <td>{visit.lead ? visit.lead.name : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Typography.Paragraph style={{ marginTop: 16 }} data-testid="trip-report-totals">
          {t('events.report.totals', {
            visits: totals.visits,
            companies: totals.companies,
            contacts: totals.contacts,
            leads: totals.leads,
            signed: totals.signedProjects,
            wan: formatWan(totals.contractedWan),
          })}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('events.report.generatedAt', { time: dayjs(report.data.generatedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      </div>
    </Card>
  );
}
