import { useCallback, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Space, Steps, Typography } from 'antd';
import { useParams } from 'react-router';
import { fetchLead, isOpenStage, LEAD_STAGE_LABELS, LOST_REASON_LABELS, type LeadDetail, type LeadStage } from '../../api/leads';
import { listVehicleModels } from '../../api/vehicles';
import { can } from '../../access';
import { BackButton } from '../../components/back-button';
import { RecordLoadError, RecordNotFound } from '../../components/record-load-error';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { positiveInt } from '../../route-params';
import { StaffBookingModal } from '../test-drives/staff-booking-modal';
import { AssignModal } from './assign-modal';
import { FollowUpModal } from './follow-up-modal';
import { LeadCustomerCard } from './lead-customer-card';
import { LeadDealCard } from './lead-deal-card';
import { LeadQuotesCard } from './lead-quotes-card';
import { LeadStageTag } from './lead-stage-tag';
import { LeadTasksCard } from './lead-tasks-card';
import { LeadTimeline } from './lead-timeline';
import { QuoteModal } from './quote-modal';
import { StageChangeModal } from './stage-change-modal';

/** Which dialog is open over the lead. */
type Dialog = 'followUp' | 'stage' | 'lost' | 'quote' | 'assign' | 'testDrive' | null;

/** The pipeline a lead walks, for the progress bar; LOST is shown as a banner instead. */
const PROGRESS_STAGES: LeadStage[] = ['NEW', 'CONTACTED', 'INVITED', 'TEST_DRIVEN', 'QUOTED', 'ORDERED', 'DELIVERED'];

/** Quoting and test drives make sense until the order is signed. */
const BEFORE_ORDER: readonly LeadStage[] = ['NEW', 'CONTACTED', 'INVITED', 'TEST_DRIVEN', 'QUOTED'];

/** 线索详情 `/leads/:id`: the customer, the next task, the history, and every action on the lead. */
export function LeadDetailPage() {
  const leadId = positiveInt(useParams().id);
  if (leadId === undefined) {
    return (
      <RecordNotFound back={{ path: '/leads', label: '返回线索列表' }} />
    );
  }
  // Keyed by id so moving between leads never shows the previous lead's data.
  return <LeadDetailView key={leadId} leadId={leadId} />;
}

function LeadDetailView({ leadId }: { leadId: number }) {
  const staff = useCurrentStaff();
  const load = useCallback((signal: AbortSignal) => fetchLead(leadId, signal), [leadId]);
  const lead = useRemoteData(load);
  const models = useRemoteData(listVehicleModels);
  const [dialog, setDialog] = useState<Dialog>(null);

  const back = <BackButton fallback="/leads" />;

  if (lead.error && !lead.data) {
    return (
      <RecordLoadError
        data-testid="lead-detail-error"
        error={lead.error}
        what="线索"
        missingHint="该线索不存在，或不在您的权限范围内。"
        back={{ path: '/leads', label: '返回线索列表' }}
        onRetry={lead.reload}
      />
    );
  }
  if (!lead.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const detail = lead.data;
  const open = isOpenStage(detail.stage);
  const closeAndReload = () => {
    setDialog(null);
    lead.reload();
  };

  return (
    <Flex vertical gap={16} data-testid="lead-detail-page">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size="middle" align="center" wrap>
            {back}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="lead-detail-name">
              {detail.name}
            </Typography.Title>
            <LeadStageTag stage={detail.stage} />
            <Typography.Text type="secondary">
              {detail.store.name} · 顾问 {detail.assignedTo?.name ?? '待分配'}
            </Typography.Text>
          </Space>
          <LeadActions lead={detail} canAssign={can(staff.role, 'leads.assign')} onOpen={setDialog} />
        </Flex>
        {lead.error && (
          <Alert type="warning" showIcon title={`刷新失败：${lead.error.message}`} style={{ marginTop: 12 }} />
        )}
        {detail.stage === 'LOST' ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={`已战败：${detail.lostReason ? LOST_REASON_LABELS[detail.lostReason] : '未注明原因'}`}
            description={detail.lostNote ?? undefined}
          />
        ) : (
          <Steps
            size="small"
            style={{ marginTop: 20 }}
            data-testid="lead-stage-steps"
            current={PROGRESS_STAGES.indexOf(detail.stage)}
            status={detail.stage === 'DELIVERED' ? 'finish' : 'process'}
            items={PROGRESS_STAGES.map((stage) => ({ title: LEAD_STAGE_LABELS[stage] }))}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <LeadCustomerCard lead={detail} />
            <LeadTimeline entries={detail.timeline} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            {open && <LeadTasksCard tasks={detail.openTasks} currentStaffId={staff.id} onChanged={lead.reload} />}
            <LeadDealCard lead={detail} />
            <LeadQuotesCard quotes={detail.quotes} />
          </Flex>
        </Col>
      </Row>
      {dialog === 'followUp' && <FollowUpModal lead={detail} onClose={() => setDialog(null)} onSaved={closeAndReload} />}
      {(dialog === 'stage' || dialog === 'lost') && (
        <StageChangeModal
          lead={detail}
          initialStage={dialog === 'lost' ? 'LOST' : undefined}
          onClose={() => setDialog(null)}
          onSaved={closeAndReload}
        />
      )}
      {dialog === 'quote' && (
        <QuoteModal lead={detail} models={models.data ?? []} onClose={() => setDialog(null)} onSaved={closeAndReload} />
      )}
      {dialog === 'assign' && <AssignModal lead={detail} onClose={() => setDialog(null)} onSaved={closeAndReload} />}
      {dialog === 'testDrive' && (
        <StaffBookingModal
          store={detail.store}
          lead={detail}
          models={models.data ?? []}
          onClose={() => setDialog(null)}
          onBooked={closeAndReload}
        />
      )}
    </Flex>
  );
}

function LeadActions({ lead, canAssign, onOpen }: { lead: LeadDetail; canAssign: boolean; onOpen: (dialog: Dialog) => void }) {
  if (lead.stage === 'DELIVERED') return null;
  if (lead.stage === 'LOST') {
    return (
      <Space wrap>
        <Button data-testid="lead-action-follow-up" onClick={() => onOpen('followUp')}>
          记录跟进
        </Button>
        <Button type="primary" data-testid="lead-action-stage" onClick={() => onOpen('stage')}>
          重新激活
        </Button>
      </Space>
    );
  }
  return (
    <Space wrap>
      <Button type="primary" data-testid="lead-action-follow-up" onClick={() => onOpen('followUp')}>
        记录跟进
      </Button>
      <Button data-testid="lead-action-stage" onClick={() => onOpen('stage')}>
        推进阶段
      </Button>
      {BEFORE_ORDER.includes(lead.stage) && (
        <Button data-testid="lead-action-test-drive" onClick={() => onOpen('testDrive')}>
          预约试驾
        </Button>
      )}
      {BEFORE_ORDER.includes(lead.stage) && (
        <Button data-testid="lead-action-quote" onClick={() => onOpen('quote')}>
          报价
        </Button>
      )}
      {canAssign && (
        <Button data-testid="lead-action-assign" onClick={() => onOpen('assign')}>
          改派
        </Button>
      )}
      <Button danger data-testid="lead-action-lost" onClick={() => onOpen('lost')}>
        战败
      </Button>
    </Space>
  );
}
