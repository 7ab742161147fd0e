import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd Form rule that checks one field against a zod schema of the whole form, so the form
 * shows the schema's own messages, cross-field checks included, as the user types.
 */
export function zodFieldRule(schema: z.ZodType, field: string): FormRule {
  return (form) => ({
    validator: async () => {
      const result = schema.safeParse(form.getFieldsValue());
      const issue = result.success ? undefined : result.error.issues.find((candidate) => candidate.path[0] === field);
      if (issue) throw new Error(issue.message);
    },
  });
}
