import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MonthRange } from '../period';

/** Whole months of the chosen year; cleared, the dashboard covers the whole year. */
export function PeriodPicker({
  year,
  range,
  onChange,
}: {
  year: number;
  range: MonthRange | null;
  onChange: (range: MonthRange | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      picker="month"
      aria-label={t('dashboard.period')}
      placeholder={[t('dashboard.periodFrom'), t('dashboard.periodTo')]}
      style={{ width: 240 }}
      value={range ? [dayjs(`${range.from}-01`), dayjs(`${range.to}-01`)] : null}
      defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-12-01`)]}
      disabledDate={(month) => month.year() !== year}
      onChange={(months) =>
        onChange(
          months?.[0] && months[1] ? { from: months[0].format('YYYY-MM'), to: months[1].format('YYYY-MM') } : null,
        )
      }
    />
  );
}
