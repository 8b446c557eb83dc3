/** Demo data for `npm start`: generated, realistic, clearly not real people. */
import { batchPut } from '#shared/db/bulk-load';
import { verifiedExpertItems } from '#shared/db/experts';
import { seedDemoPolicies } from '#shared/demo/attraction-demo';
import { generateProfiles } from '#shared/demo/generate-profiles';
import { getProvince } from '#shared/domain/provinces/index';

export async function seedDemoData(options: { provinceId: string; profiles: number }): Promise<number> {
  const province = getProvince(options.provinceId);
  const now = new Date();
  const registrations = generateProfiles(options.profiles, { seed: 45, province });
  const items = registrations.flatMap((r) => verifiedExpertItems(r, now));
  await batchPut(items);
  await seedDemoPolicies(province.id, now);
  return registrations.length;
}
