import { createBrowserRouter } from 'react-router';
import { AuthenticatedLayout } from './layouts/authenticated-layout';
import { NotFoundPage } from './pages/errors/not-found-page';
import { ApprovalsPage } from './pages/approvals/approvals-page';
import { AssignmentPage } from './pages/assignment/assignment-page';
import { HomePage } from './pages/home/home-page';
import { LeadDetailPage } from './pages/leads/lead-detail-page';
import { LeadsPage } from './pages/leads/leads-page';
import { LoginPage } from './pages/login/login-page';
import { ProfilePage } from './pages/profile/profile-page';
import { StaffPage } from './pages/staff/staff-page';
import { TasksPage } from './pages/tasks/tasks-page';
import { TestDriveCarsPage } from './pages/test-drive-cars/test-drive-cars-page';
import { TestDriveBoardPage } from './pages/test-drives/test-drive-board-page';

// Who may open which path is decided in access.ts; AuthenticatedLayout applies it to every child.
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      element: <AuthenticatedLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'tasks', element: <TasksPage /> },
        { path: 'leads', element: <LeadsPage /> },
        { path: 'leads/:id', element: <LeadDetailPage /> },
        { path: 'test-drives', element: <TestDriveBoardPage /> },
        { path: 'test-drive-cars', element: <TestDriveCarsPage /> },
        { path: 'approvals', element: <ApprovalsPage /> },
        { path: 'assignment', element: <AssignmentPage /> },
        { path: 'staff', element: <StaffPage /> },
        { path: 'profile', element: <ProfilePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/admin' },
);
