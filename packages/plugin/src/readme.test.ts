import { testReadmeExample } from '@salkit/testkit';

testReadmeExample('@salkit/plugin', import.meta.url);
