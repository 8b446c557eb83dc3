import { describe, expect, it } from 'vitest';
import { parseFirstAdminArgs, stackOutputCommand } from '../../scripts/first-admin-args.ts';

describe('npm run staff:first-admin arguments', () => {
  it('takes the e-mail (lower-cased), a default name and the default stack', () => {
    expect(parseFirstAdminArgs(['--email', 'Quan.Tri@SoNoiVu.gov.vn'])).toEqual({
      email: 'quan.tri@sonoivu.gov.vn',
      name: 'quan.tri',
      stack: 'TalentRegistry',
      userPoolId: undefined,
      region: undefined,
    });
  });

  it('takes a name, another stack, a pool id and a region', () => {
    expect(
      parseFirstAdminArgs([
        '--email',
        'a@x.gov.vn',
        '--name',
        'Nguyễn Thị Hoa',
        '--stack',
        'TalentRegistryKonTum',
        '--user-pool-id',
        'ap-southeast-1_AbC123',
        '--region',
        'ap-southeast-1',
      ]),
    ).toMatchObject({
      name: 'Nguyễn Thị Hoa',
      stack: 'TalentRegistryKonTum',
      userPoolId: 'ap-southeast-1_AbC123',
    });
  });

  it.each([
    [[], /--email is required/],
    [['--email', 'not-an-address'], /not an e-mail address/],
    [['--email', 'a@x.gov.vn', '--user-pool-id', 'pool; rm -rf /'], /not a user pool id/],
    [['--email', 'a@x.gov.vn', '--name', ' '], /--name/],
    [['--email', 'a@x.gov.vn', '--group', 'hr'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseFirstAdminArgs(argv)).toThrow(message);
  });

  it('answers --help', () => {
    expect(parseFirstAdminArgs(['--help'])).toBe('help');
  });

  it('reads the pool id from the stack output the stack publishes (UserPoolId), in the given region', () => {
    expect(stackOutputCommand({ stack: 'TalentRegistry', region: 'ap-southeast-1' })).toEqual([
      'cloudformation',
      'describe-stacks',
      '--stack-name',
      'TalentRegistry',
      '--query',
      "Stacks[0].Outputs[?OutputKey=='UserPoolId'].OutputValue",
      '--output',
      'text',
      '--region',
      'ap-southeast-1',
    ]);
  });
});
