/**
 * Elapsed minutes as a front-desk reader says them: "4 jam 5 menit", "12 hari 1 jam". Clock time
 * (a day is 1,440 minutes, as service time is measured), two units at most: under a day to the
 * nearest minute, from a day on to the nearest hour.
 */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return "-";
  const rounded = Math.round(minutes);
  if (rounded < 1440) {
    const hours = Math.floor(rounded / 60);
    const rest = rounded % 60;
    if (hours === 0) return `${rest} menit`;
    return rest === 0 ? `${hours} jam` : `${hours} jam ${rest} menit`;
  }
  const totalHours = Math.round(minutes / 60);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours === 0 ? `${days} hari` : `${days} hari ${hours} jam`;
}
