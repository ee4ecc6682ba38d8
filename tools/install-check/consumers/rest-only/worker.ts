/** A Cloudflare-style module worker: GET / runs the REST-only scenario and answers its report. */
import { runRestOnlyScenario } from './scenario';

interface Env {
  RUNWARE_API_KEY: string;
  RUNWARE_BASE_URL: string;
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    try {
      const report = await runRestOnlyScenario({
        apiKey: env.RUNWARE_API_KEY,
        httpBaseUrl: env.RUNWARE_BASE_URL,
      });
      return Response.json(report);
    } catch (error) {
      return Response.json({ error: String(error) }, { status: 500 });
    }
  },
};
