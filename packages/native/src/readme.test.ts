import { testReadmeExample } from '@salkit/testkit';

testReadmeExample('@salkit/native', import.meta.url);
