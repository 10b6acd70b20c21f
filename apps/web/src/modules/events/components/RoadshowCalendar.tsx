import type { CalendarEventDto } from '@lianqiao/contracts';
import { Alert, Badge, Calendar, Card, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/http';
import { useRoadshowCalendar } from '../hooks/useEvents';

const SHOWN_PER_DAY = 3;

/** Whether an event covers a calendar day (its end is exclusive for whole-day entries). */
function onDay(event: CalendarEventDto, day: Dayjs): boolean {
  const start = dayjs(event.start);
  const end = dayjs(event.end);
  const dayStart = day.startOf('day');
  const dayEnd = day.endOf('day');
  return !start.isAfter(dayEnd) && (event.allDay ? end.isAfter(dayStart) : !end.isBefore(dayStart));
}

/** The month's roadshows, from the calendar endpoint, each linking to its page. */
export function RoadshowCalendar() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => dayjs().startOf('month'));
  // The grid shows a few days of the neighbouring months too.
  const from = month.subtract(7, 'day').toISOString();
  const to = month.add(1, 'month').add(14, 'day').toISOString();
  const calendar = useRoadshowCalendar(from, to);
  const events = calendar.data?.items ?? [];

  return (
    <Card variant="borderless" data-testid="roadshow-calendar">
      {calendar.isError ? <Alert type="error" showIcon title={describeError(calendar.error, t)} /> : null}
      <Calendar
        value={month}
        onPanelChange={(value) => setMonth(value.startOf('month'))}
        onSelect={(value, info) => {
          if (info.source !== 'date') setMonth(value.startOf('month'));
        }}
        cellRender={(day, info) => {
          if (info.type !== 'date') return info.originNode;
          const today = events.filter((event) => onDay(event, day));
          return (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {today.slice(0, SHOWN_PER_DAY).map((event) => (
                <li key={event.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  <Badge status={event.format === 'online' ? 'processing' : 'success'} />{' '}
                  <Link to={`/roadshows/${event.id}`}>{event.title}</Link>
                </li>
              ))}
              {today.length > SHOWN_PER_DAY ? (
                <li>
                  <Typography.Text type="secondary">
                    {t('events.calendar.more', { count: today.length - SHOWN_PER_DAY })}
                  </Typography.Text>
                </li>
              ) : null}
            </ul>
          );
        }}
      />
    </Card>
  );
}
