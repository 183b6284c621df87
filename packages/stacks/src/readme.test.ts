import { testReadmeExample } from '@salkit/testkit';

testReadmeExample('@salkit/stacks', import.meta.url);
