/** The part of autocannon's API the server bench uses (the package ships no types). */
declare module 'autocannon' {
  interface RequestSpec {
    method?: string
    path?: string
    headers?: Record<string, string>
    setupRequest?: (request: RequestSpec) => RequestSpec
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    amount?: number
    overallRate?: number
    headers?: Record<string, string>
    requests?: RequestSpec[]
  }
  interface Histogram {
    p50: number
    p90: number
    p99: number
    max: number
    average: number
  }
  interface Result {
    latency: Histogram
    requests: { total: number; average: number }
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
  }
  /** A running benchmark: each answer is reported as it arrives. */
  interface Instance {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
    ): Instance
  }
  function autocannon(options: Options): Promise<Result>
  function autocannon(
    options: Options,
    callback: (error: Error | null, result: Result) => void,
  ): Instance
  export default autocannon
}
