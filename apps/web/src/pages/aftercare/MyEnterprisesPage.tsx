import { ROLES_SEEING_ALL_TEAMS, seesAllTeams } from '@lianqiao/domain';
import { Alert, Card, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { MyEnterprisesTable } from '../../modules/aftercare/components/MyEnterprisesTable';
import { UserSelect } from '../../modules/aftercare/components/PeopleSelect';
import { useMyEnterprises } from '../../modules/aftercare/hooks/useAftercare';
import { PEOPLE_FILTER_KEYS, peopleFromUrl } from '../../modules/aftercare/utils/filters';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { PageHeader } from '../../shared/layout';

/** 我的包保企业: the enterprises the user looks after; leaders may look at anyone's. */
export default function MyEnterprisesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const seesAll = seesAllTeams(me);
  const [raw, setFilters] = useUrlFilters(PEOPLE_FILTER_KEYS);
  const people = useMemo(
    (): { leaderId?: string; repId?: string } => (seesAll ? peopleFromUrl(raw) : {}),
    [raw, seesAll],
  );
  const list = useMyEnterprises(people);

  return (
    <>
      <PageHeader title={t('aftercare.mine.title')} subtitle={t('aftercare.mine.subtitle')} />
      <Card variant="borderless">
        {seesAll ? (
          <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
            <UserSelect
              width={200}
              allowClear
              roles={ROLES_SEEING_ALL_TEAMS}
              aria-label={t('aftercare.mine.viewingLeader')}
              placeholder={t('aftercare.mine.viewingLeader')}
              value={people.leaderId}
              onChange={(leaderId) => setFilters({ leaderId })}
            />
            <UserSelect
              width={200}
              allowClear
              aria-label={t('aftercare.mine.viewingRep')}
              placeholder={t('aftercare.mine.viewingRep')}
              value={people.repId}
              onChange={(repId) => setFilters({ repId })}
            />
            <Typography.Text type="secondary">{t('aftercare.mine.viewingHint')}</Typography.Text>
          </Flex>
        ) : null}
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <MyEnterprisesTable items={list.data?.items ?? []} loading={list.isFetching} />
      </Card>
    </>
  );
}
