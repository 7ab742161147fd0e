import { useState } from 'react';
import type { FormInstance } from 'antd';
import { toApiError, type ApiError } from '../api/client';
import { showServerFieldErrors } from '../form-server-errors';

export interface FormSubmitOptions<Values> {
  /** The form that gets the server's validation details, on the fields `fieldOf` maps them to. */
  form?: FormInstance<Values>;
  fieldOf?: (serverPath: string) => string | undefined;
  /** Anything more a failure calls for, after the error is shown (e.g. an error code put on a field). */
  onError?: (error: ApiError) => void;
}

export interface FormSubmit<Args extends unknown[]> {
  saving: boolean;
  /** The last failure, for the alert above the form; cleared when the next attempt starts. */
  saveError: ApiError | undefined;
  onFinish: (...args: Args) => Promise<void>;
}

/**
 * Runs a save: `saving` while it is under way, its failure kept in `saveError` and spread onto the
 * form's fields. After a success `saving` stays set: the caller closes or replaces the form.
 */
export function useFormSubmit<Args extends unknown[], Values = unknown>(
  submit: (...args: Args) => Promise<void>,
  { form, fieldOf, onError }: FormSubmitOptions<Values> = {},
): FormSubmit<Args> {
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();

  async function onFinish(...args: Args) {
    setSaving(true);
    setSaveError(undefined);
    try {
      await submit(...args);
    } catch (error) {
      const apiError = toApiError(error);
      setSaveError(apiError);
      if (form && fieldOf) showServerFieldErrors(form, apiError, fieldOf);
      onError?.(apiError);
      setSaving(false);
    }
  }

  return { saving, saveError, onFinish };
}
