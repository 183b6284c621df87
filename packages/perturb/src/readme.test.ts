import { testReadmeExample } from '@salkit/testkit';

testReadmeExample('@salkit/perturb', import.meta.url);
