import { createBrowserRouter } from 'react-router';
import { AuthenticatedLayout } from './layouts/authenticated-layout';
import { NotFoundPage } from './pages/errors/not-found-page';
import { HomePage } from './pages/home/home-page';
import { LoginPage } from './pages/login/login-page';
import { ProfilePage } from './pages/profile/profile-page';
import { StaffPage } from './pages/staff/staff-page';

// Who may open which path is decided in access.ts; AuthenticatedLayout applies it to every child.
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      element: <AuthenticatedLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'staff', element: <StaffPage /> },
        { path: 'profile', element: <ProfilePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/admin' },
);
