import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The page's one <h1>, at the size of an antd level-3 title (antd's h1 size is for banners). */
export const PAGE_TITLE_STYLE = { margin: 0, fontWeight: 600, fontSize: 24, lineHeight: 1.35 } as const;

/** A page's title line: the title, one sentence of what it is for, and its main actions on the right. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex align="flex-end" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={1} style={PAGE_TITLE_STYLE}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subtitle}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? <Flex gap={8}>{extra}</Flex> : null}
    </Flex>
  );
}
