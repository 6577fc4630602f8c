/**
 * The demo's people, printed at start so a person can walk the loop by hand. They exist
 * only in a data dir the demo seeded; passwords this public are why the demo is for
 * laptops and never for a deployment with real users.
 */
export const demoAccounts = {
  operator: { email: 'operator@plaza.example', name: 'Demo Operator', password: 'plaza-demo-operator' },
  developer: { email: 'developer@plaza.example', name: 'Demo Developer', password: 'plaza-demo-developer' },
  /** The super app's sign-in sheet offers this phone first; its code arrives in the dev inbox. */
  user: { phone: '+8613800138000' },
  creators: [
    { phone: '+8613800138101', name: '面条实验室 Noodle Lab' },
    { phone: '+8613800138102', name: '夜市美食 Night Market Eats' },
  ],
  /** The creator who is live at every start, with the takeout card pinned. */
  liveCreator: { phone: '+8613800138103', name: '直播厨房 Live Kitchen' },
} as const;

export const demoOrgName = 'Plaza Noodle House Ltd.';
export const demoAppName = 'Plaza Noodle House';
/** The takeout app's page every demo anchor opens. */
export const demoAnchorPath = 'pages/shop/shop';
