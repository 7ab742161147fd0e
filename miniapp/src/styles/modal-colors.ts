// Taro.showModal takes its button colours as strings; these match $brand and $danger in theme.scss.
export const MODAL_CONFIRM_COLOR = '#1f5fbf';
export const MODAL_DANGER_COLOR = '#d64545';
