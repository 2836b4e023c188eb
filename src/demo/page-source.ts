import type { HttpRequestEvent, RequestController } from '@mswjs/interceptors'
import { FetchInterceptor } from '@mswjs/interceptors/fetch'
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest'
import { HttpNetworkFrame, NetworkSource } from 'msw/experimental'

/** One request of the page, as the demo's handlers see it. */
class PageRequestFrame extends HttpNetworkFrame {
  readonly #controller: RequestController

  constructor(event: HttpRequestEvent) {
    super({ id: event.requestId, request: event.request })
    this.#controller = event.controller
  }

  /** Unanswered (a request for something the demo does not serve): it goes out as it is. */
  passthrough(): void {}

  respondWith(response?: Response): void {
    if (response) this.#controller.respondWith(response)
  }

  /** A `Response` error is a network error; anything else a handler threw goes on up. */
  errorWith(reason?: unknown): void {
    if (reason instanceof Response) {
      this.respondWith(reason)
      return
    }
    throw reason
  }
}

/**
 * msw's `InterceptorSource` without its "response" listener (ADR 030). That listener is
 * there to emit msw's `response:mocked` events, which the console never reads; while it
 * is there, the interceptors tee every answer for it: a 10 MB list went through two more
 * streams, about 40 ms of a navigation's first rows in the demo (issue 17). Each frame's
 * listeners are removed once it is answered, as `InterceptorSource` does on the response
 * (msw#2735: kept, they tied every frame to the network's lifetime).
 */
export class PageRequestSource extends NetworkSource<HttpNetworkFrame> {
  readonly #interceptors = [new FetchInterceptor(), new XMLHttpRequestInterceptor()]

  enable(): void {
    for (const interceptor of this.#interceptors) {
      interceptor.apply()
      interceptor.on('request', async (event) => {
        const frame = new PageRequestFrame(event)
        try {
          await this.queue(frame)
        } finally {
          frame.events.removeAllListeners()
        }
      })
    }
  }

  override disable(): void {
    super.disable()
    for (const interceptor of this.#interceptors) interceptor.dispose()
  }
}
