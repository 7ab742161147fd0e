import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd Form rule that checks one field against a zod schema of the whole form, so the form
 * shows the schema's own messages, cross-field checks included, as the user types. A field inside
 * a list is named by its path, e.g. `['lines', 0, 'amountYuan']`; the first issue at or below it shows.
 */
export function zodFieldRule(schema: z.ZodType, field: string | (string | number)[]): FormRule {
  const path = Array.isArray(field) ? field : [field];
  return (form) => ({
    validator: async () => {
      const result = schema.safeParse(form.getFieldsValue());
      const issue = result.success
        ? undefined
        : result.error.issues.find((candidate) => path.every((part, index) => candidate.path[index] === part));
      if (issue) throw new Error(issue.message);
    },
  });
}
