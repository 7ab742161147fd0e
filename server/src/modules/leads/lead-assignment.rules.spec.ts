import { AssignmentMode } from '../../generated/prisma/enums';
import { ConsultantCandidate, pickConsultant } from './lead-assignment.rules';

const consultants: ConsultantCandidate[] = [
  { id: 11, openLeads: 3, specialtyModelIds: [] },
  { id: 12, openLeads: 5, specialtyModelIds: [2] },
  { id: 13, openLeads: 0, specialtyModelIds: [] },
];
const roundRobin = { mode: AssignmentMode.ROUND_ROBIN, openLeadCap: 10, lastAssignedStaffId: null };

describe('lead assignment', () => {
  it('goes round the consultants in order after the last one served', () => {
    expect(pickConsultant(consultants, roundRobin, null)).toBe(11);
    expect(pickConsultant(consultants, { ...roundRobin, lastAssignedStaffId: 11 }, null)).toBe(12);
    expect(pickConsultant(consultants, { ...roundRobin, lastAssignedStaffId: 13 }, null)).toBe(11);
  });

  it('skips consultants at their cap', () => {
    expect(pickConsultant(consultants, { ...roundRobin, openLeadCap: 5, lastAssignedStaffId: 11 }, null)).toBe(13);
  });

  it('gives nobody the lead when everyone is at the cap', () => {
    expect(pickConsultant(consultants, { ...roundRobin, openLeadCap: 0 }, null)).toBeNull();
  });

  it('prefers specialists of the intended model, and falls back to everyone when there are none', () => {
    const specialty = { ...roundRobin, mode: AssignmentMode.MODEL_SPECIALTY, lastAssignedStaffId: 12 };
    expect(pickConsultant(consultants, specialty, 2)).toBe(12);
    expect(pickConsultant(consultants, specialty, 5)).toBe(13);
  });

  it('spreads 100 leads evenly (±1) when each pick moves the pointer', () => {
    const counts = new Map<number, number>();
    let lastAssignedStaffId: number | null = null;
    const pool = consultants.map((consultant) => ({ ...consultant, openLeads: 0 }));
    for (let lead = 0; lead < 100; lead += 1) {
      const picked: number = pickConsultant(pool, { ...roundRobin, openLeadCap: 1000, lastAssignedStaffId }, null)!;
      counts.set(picked, (counts.get(picked) ?? 0) + 1);
      lastAssignedStaffId = picked;
    }
    const values = [...counts.values()];
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
  });
});
