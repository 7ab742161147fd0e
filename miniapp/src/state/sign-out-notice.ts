// A line for 我的 to show once it is on screen, left by a page that sends the customer there signed out
// (deleting the account). 我的 shows it itself: in H5 a toast raised while a reLaunch is still under way is
// closed by the router as the new page arrives.

let pendingNotice: string | null = null;

export function leaveSignOutNotice(message: string): void {
  pendingNotice = message;
}

/** The notice left, once: a second show of 我的 finds nothing. */
export function takeSignOutNotice(): string | null {
  const notice = pendingNotice;
  pendingNotice = null;
  return notice;
}
