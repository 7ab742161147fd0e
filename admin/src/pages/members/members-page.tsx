import { useCallback, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { listMembers, type MemberListQuery, type MemberTier } from '../../api/loyalty';
import { ExportButton } from '../../components/export-button';
import { useRemoteData } from '../../hooks/use-remote-data';
import { MemberFilters } from './member-filters';
import { MemberTable } from './member-table';
import { useMemberListQuery } from './use-member-list-query';
import { useTierNames } from './use-tier-names';
import { LoadError } from '../../components/load-error';

/** 会员 `/members`: the members (mini-program sign-ups, owners, anyone with points), found by mobile or name. */
export function MembersPage() {
  const { query, changeFilters, changePage, resetFilters } = useMemberListQuery();
  const { nameOf } = useTierNames();
  // Bumped by 刷新, so the list reloads even when the URL stays the same.
  const [version, setVersion] = useState(0);
  const { page: _page, pageSize: _pageSize, ...filters } = query;

  return (
    <Card
      title="会员"
      data-testid="members-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => setVersion((current) => current + 1)}>
            刷新
          </Button>
          <ExportButton path="/loyalty/members/export" filters={filters} data-testid="member-export" />
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <MemberFilters query={query} nameOf={nameOf} onChange={changeFilters} onReset={resetFilters} />
        <MemberList key={version} query={query} nameOf={nameOf} onPageChange={changePage} />
      </Flex>
    </Card>
  );
}

function MemberList({
  query,
  nameOf,
  onPageChange,
}: {
  query: MemberListQuery;
  nameOf: (tier: MemberTier) => string;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const load = useCallback((signal: AbortSignal) => listMembers(query, signal), [query]);
  const members = useRemoteData(load);
  if (members.error) {
    return (
      <LoadError what="会员" error={members.error} onRetry={members.reload} data-testid="members-error" />
    );
  }
  return (
    <MemberTable
      page={members.data}
      query={query}
      loading={members.loading}
      nameOf={nameOf}
      filtered={Boolean(query.q || query.tier)}
      onPageChange={onPageChange}
    />
  );
}
