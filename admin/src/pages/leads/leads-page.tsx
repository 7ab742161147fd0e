import { useCallback, useState, type ReactNode } from 'react';
import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Segmented, Space } from 'antd';
import { useNavigate } from 'react-router';
import { listLeads, type CreatedLead, type LeadListQuery } from '../../api/leads';
import { ROLE_SCOPE } from '../../api/org';
import { listVehicleModels } from '../../api/vehicles';
import { can } from '../../access';
import { ExportButton } from '../../components/export-button';
import { useConsultants } from '../../hooks/use-consultants';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import { useCurrentStaff } from '../../layouts/current-staff';
import { LeadBoard } from './lead-board';
import { LeadCreateModal } from './lead-create-modal';
import { LeadFilters } from './lead-filters';
import { LeadTable } from './lead-table';
import { useLeadBoard } from './use-lead-board';
import { useLeadListQuery, type LeadFilters as LeadFilterValues, type LeadView } from './use-lead-list-query';

const VIEW_OPTIONS: { value: LeadView; label: string; icon: ReactNode }[] = [
  { value: 'table', label: '列表', icon: <UnorderedListOutlined /> },
  { value: 'board', label: '看板', icon: <AppstoreOutlined /> },
];

/** 线索: the leads the signed-in staff member may see, as a paged table or a board by stage. */
export function LeadsPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { query, view, changeFilters, changePage, changeView, resetFilters } = useLeadListQuery();
  const storeScoped = ROLE_SCOPE[staff.role] === 'store';
  const stores = useScopedStores();
  const models = useRemoteData(listVehicleModels);
  const filterByConsultant = can(staff.role, 'leads.filterByConsultant');
  const consultants = useConsultants(
    {
      storeId: query.storeId ?? (storeScoped ? (staff.storeId ?? undefined) : undefined),
      regionId: query.storeId ? undefined : (staff.regionId ?? undefined),
    },
    filterByConsultant,
  );
  const [creating, setCreating] = useState(false);
  // Bumped after a lead is created, so the list shows it even when the URL stays the same.
  const [version, setVersion] = useState(0);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  // The board shows every stage side by side, so it exports every stage too.
  const exportFilters = view === 'board' ? { ...filters, stage: undefined } : filters;

  return (
    <Card
      title="线索"
      data-testid="leads-page"
      extra={
        <Space>
          <Segmented<LeadView>
            data-testid="lead-view-toggle"
            options={VIEW_OPTIONS}
            value={view}
            onChange={(nextView) => changeView(nextView)}
          />
          <ExportButton path="/leads/export" filters={exportFilters} data-testid="lead-export" />
          <Button type="primary" icon={<PlusOutlined />} data-testid="lead-create" onClick={() => setCreating(true)}>
            新建线索
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <LeadFilters
          query={query}
          view={view}
          stores={storeScoped ? undefined : stores}
          consultants={filterByConsultant ? consultants : undefined}
          onChange={changeFilters}
          onReset={resetFilters}
        />
        {view === 'board' ? (
          <LeadBoardView key={version} filters={query} onShowStage={(stage) => changeView('table', { stage })} />
        ) : (
          <LeadTableView key={version} query={query} showStore={!storeScoped} onPageChange={changePage} />
        )}
      </Flex>
      {creating && (
        <LeadCreateModal
          stores={stores.data ?? []}
          defaultStoreId={staff.storeId ?? undefined}
          models={models.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(lead: CreatedLead) => {
            setCreating(false);
            // A new lead may go to another consultant by the store's rule; only open it if we may see it.
            // A colleague's lead that the capture joined answers only its id: there is nothing to open.
            const visible = !('leadId' in lead) && (lead.joined || staff.role !== 'CONSULTANT' || lead.assignedTo?.id === staff.id);
            if (visible) navigate(`/leads/${lead.id}`);
            else setVersion((current) => current + 1);
          }}
        />
      )}
    </Card>
  );
}

function ListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Result
      data-testid="leads-error"
      status="error"
      title="线索加载失败"
      subTitle={message}
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}

function LeadTableView({
  query,
  showStore,
  onPageChange,
}: {
  query: LeadListQuery;
  showStore: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const loadLeads = useCallback((signal: AbortSignal) => listLeads(query, signal), [query]);
  const leads = useRemoteData(loadLeads);
  if (leads.error) return <ListError message={leads.error.message} onRetry={leads.reload} />;
  return <LeadTable page={leads.data} query={query} loading={leads.loading} showStore={showStore} onPageChange={onPageChange} />;
}

function LeadBoardView({
  filters,
  onShowStage,
}: {
  filters: LeadFilterValues;
  onShowStage: Parameters<typeof LeadBoard>[0]['onShowStage'];
}) {
  const board = useLeadBoard(filters);
  if (board.error) return <ListError message={board.error.message} onRetry={board.reload} />;
  return <LeadBoard board={board.data} loading={board.loading} onShowStage={onShowStage} />;
}
