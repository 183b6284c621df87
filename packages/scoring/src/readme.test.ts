import { testReadmeExample } from '@salkit/testkit';

testReadmeExample('@salkit/scoring', import.meta.url);
