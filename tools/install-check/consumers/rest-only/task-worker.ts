/** The task app as a Cloudflare-style module worker: GET / runs the scenario and answers its report. */
import { runTaskScenario } from './task-scenario';

interface Env {
  RUNWARE_API_KEY: string;
  RUNWARE_BASE_URL: string;
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    try {
      const report = await runTaskScenario(
        { apiKey: env.RUNWARE_API_KEY, httpBaseUrl: env.RUNWARE_BASE_URL },
        async () => ({}),
      );
      return Response.json(report);
    } catch (error) {
      return Response.json({ error: String(error) }, { status: 500 });
    }
  },
};
