// The services the emulator answers as, named where requests are recorded (state.ts) and faults are matched (faults.ts);
// its own file so neither of those two imports the other for it.
export const SERVICE_NAMES = ['ncp', 'nhn', 'nhn-oauth', 'nhn-preview'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
