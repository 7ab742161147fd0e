import { createBrowserRouter } from 'react-router';
import { AuthenticatedLayout } from './layouts/authenticated-layout';
import { NotFoundPage } from './pages/errors/not-found-page';
import { ApprovalsPage } from './pages/approvals/approvals-page';
import { AssignmentPage } from './pages/assignment/assignment-page';
import { AuditLogsPage } from './pages/audit-logs/audit-logs-page';
import { CampaignDetailPage } from './pages/campaigns/campaign-detail-page';
import { CampaignFormPage } from './pages/campaigns/campaign-form-page';
import { CampaignsPage } from './pages/campaigns/campaigns-page';
import { ComplaintDetailPage } from './pages/complaints/complaint-detail-page';
import { ComplaintsPage } from './pages/complaints/complaints-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { EarningRulesPage } from './pages/earning-rules/earning-rules-page';
import { HomePage } from './pages/home/home-page';
import { ImportsPage } from './pages/imports/imports-page';
import { LeadDetailPage } from './pages/leads/lead-detail-page';
import { LeadsPage } from './pages/leads/leads-page';
import { LoginPage } from './pages/login/login-page';
import { MemberTiersPage } from './pages/member-tiers/member-tiers-page';
import { MemberDetailPage } from './pages/members/member-detail-page';
import { MembersPage } from './pages/members/members-page';
import { OutboxPage } from './pages/outbox/outbox-page';
import { PartsPage } from './pages/parts/parts-page';
import { ProfilePage } from './pages/profile/profile-page';
import { ReminderRulesPage } from './pages/reminder-rules/reminder-rules-page';
import { RewardsPage } from './pages/rewards/rewards-page';
import { SegmentEditorPage } from './pages/segments/segment-editor-page';
import { SegmentsPage } from './pages/segments/segments-page';
import { ServiceBoardPage } from './pages/service-board/service-board-page';
import { ServiceCalendarPage } from './pages/service-calendar/service-calendar-page';
import { StaffPage } from './pages/staff/staff-page';
import { SurveysPage } from './pages/surveys/surveys-page';
import { TasksPage } from './pages/tasks/tasks-page';
import { TestDriveCarsPage } from './pages/test-drive-cars/test-drive-cars-page';
import { TestDriveBoardPage } from './pages/test-drives/test-drive-board-page';
import { VehicleDetailPage } from './pages/vehicles/vehicle-detail-page';
import { VehiclesPage } from './pages/vehicles/vehicles-page';
import { WorkOrderDetailPage } from './pages/work-orders/work-order-detail-page';
import { WorkOrdersPage } from './pages/work-orders/work-orders-page';

// Who may open which path is decided in access.ts; AuthenticatedLayout applies it to every child.
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      element: <AuthenticatedLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'tasks', element: <TasksPage /> },
        { path: 'leads', element: <LeadsPage /> },
        { path: 'leads/:id', element: <LeadDetailPage /> },
        { path: 'test-drives', element: <TestDriveBoardPage /> },
        { path: 'test-drive-cars', element: <TestDriveCarsPage /> },
        { path: 'vehicles', element: <VehiclesPage /> },
        { path: 'vehicles/:id', element: <VehicleDetailPage /> },
        { path: 'service/board', element: <ServiceBoardPage /> },
        { path: 'service/calendar', element: <ServiceCalendarPage /> },
        { path: 'service/work-orders', element: <WorkOrdersPage /> },
        { path: 'service/work-orders/:id', element: <WorkOrderDetailPage /> },
        { path: 'service/parts', element: <PartsPage /> },
        { path: 'members', element: <MembersPage /> },
        { path: 'members/:id', element: <MemberDetailPage /> },
        { path: 'loyalty/earning-rules', element: <EarningRulesPage /> },
        { path: 'loyalty/tiers', element: <MemberTiersPage /> },
        { path: 'loyalty/rewards', element: <RewardsPage /> },
        { path: 'segments', element: <SegmentsPage /> },
        { path: 'segments/new', element: <SegmentEditorPage /> },
        { path: 'segments/:id', element: <SegmentEditorPage /> },
        { path: 'campaigns', element: <CampaignsPage /> },
        { path: 'campaigns/new', element: <CampaignFormPage /> },
        { path: 'campaigns/:id', element: <CampaignDetailPage /> },
        { path: 'campaigns/:id/edit', element: <CampaignFormPage /> },
        { path: 'automation/rules', element: <ReminderRulesPage /> },
        { path: 'automation/outbox', element: <OutboxPage /> },
        { path: 'surveys', element: <SurveysPage /> },
        { path: 'complaints', element: <ComplaintsPage /> },
        { path: 'complaints/:id', element: <ComplaintDetailPage /> },
        { path: 'approvals', element: <ApprovalsPage /> },
        { path: 'assignment', element: <AssignmentPage /> },
        { path: 'staff', element: <StaffPage /> },
        { path: 'audit-logs', element: <AuditLogsPage /> },
        { path: 'imports', element: <ImportsPage /> },
        { path: 'profile', element: <ProfilePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/admin' },
);
