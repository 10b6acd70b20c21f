import { isAdmin } from '@lianqiao/domain';
import { RightOutlined } from '@ant-design/icons';
import { Avatar, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { quickLinksFor } from '../../config/resources';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { useTeam } from '../../modules/org/hooks/useOrg';
import { MyWorkSection } from '../../modules/projects/components/MyWorkSection';
import styles from './HomePage.module.css';
import { PAGE_TITLE_STYLE } from '../../shared/layout';

const ROLE_COLORS = { admin: 'geekblue', leader: 'gold', staff: 'green' } as const;

type GreetingKey = 'home.morning' | 'home.noon' | 'home.afternoon' | 'home.evening';

export function greetingKeyAt(hour: number): GreetingKey {
  if (hour >= 5 && hour < 11) return 'home.morning';
  if (hour >= 11 && hour < 13) return 'home.noon';
  if (hour >= 13 && hour < 18) return 'home.afternoon';
  return 'home.evening';
}

/** 工作台: who you are here, and the way to each page you may open. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const team = useTeam(user.teamId);
  const links = quickLinksFor(user.role);

  return (
    <Flex vertical gap={24}>
      <Card variant="borderless" className={styles.welcome}>
        <Flex align="center" gap={20} wrap>
          <Avatar size={64} className={styles.avatar}>
            {user.displayName.slice(0, 1)}
          </Avatar>
          <div style={{ flex: 1, minWidth: 240 }}>
            <Typography.Title level={1} style={PAGE_TITLE_STYLE} data-testid="greeting">
              {t('home.greeting', { greeting: t(greetingKeyAt(new Date().getHours())), name: user.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
          </div>
        </Flex>
        <Descriptions column={{ xs: 1, sm: 3 }} className={styles.facts} size="small">
          <Descriptions.Item label={t('home.role')}>
            <Tag color={ROLE_COLORS[user.role]} variant="outlined">
              {t(`roles.${user.role}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.team')}>
            {!user.teamId ? (
              <Typography.Text type="secondary">{t('home.noTeam')}</Typography.Text>
            ) : team.isLoading ? (
              <Skeleton.Input size="small" active />
            ) : (
              (team.data?.name ?? t('common.none'))
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.lastLogin')}>
            {user.lastLoginAt ? dayjs(user.lastLoginAt).format('YYYY-MM-DD HH:mm') : t('home.firstLogin')}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {!isAdmin(user) ? <MyWorkSection /> : null}

      <div>
        <Typography.Title level={5} className={styles.sectionTitle}>
          {t('home.quickLinks')}
        </Typography.Title>
        {links.length === 0 ? (
          <Card variant="borderless">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noQuickLinks')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {links.map((resource) => (
              <Col key={resource.key} xs={24} sm={12} xl={8}>
                <Link to={resource.path} className={styles.linkCard}>
                  <Card variant="borderless" hoverable>
                    <Flex align="center" gap={16}>
                      <span className={styles.linkIcon}>{resource.icon}</span>
                      <div style={{ flex: 1 }}>
                        <Typography.Text strong>{t(`menu.${resource.label}`)}</Typography.Text>
                        <br />
                        <Typography.Text type="secondary">
                          {resource.description ? t(`home.linkDescriptions.${resource.description}`) : null}
                        </Typography.Text>
                      </div>
                      <RightOutlined style={{ color: 'rgba(0,0,0,0.25)' }} />
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </div>
    </Flex>
  );
}
