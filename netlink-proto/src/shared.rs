//! The state shared by a connection's driver, handles and streams: the
//! multiplexer behind a mutex, plus the driver's waker and commands.

use std::{
    collections::VecDeque,
    io,
    sync::{Mutex, MutexGuard, PoisonError},
    task::Waker,
};

use futures::channel::oneshot;
use netlink_sys::Socket;

use crate::protocol::Protocol;

/// A request to the driver that needs the socket.
pub(crate) enum Command {
    /// Join a multicast group.
    AddMembership(u32, oneshot::Sender<io::Result<()>>),
    /// Leave a multicast group.
    DropMembership(u32, oneshot::Sender<io::Result<()>>),
}

impl Command {
    pub(crate) fn apply(self, socket: &Socket) {
        // A dropped receiver means nobody waits for the answer: ignore.
        match self {
            Command::AddMembership(group, answer) => {
                let _ = answer.send(socket.add_membership(group));
            }
            Command::DropMembership(group, answer) => {
                let _ = answer.send(socket.drop_membership(group));
            }
        }
    }
}

pub(crate) struct State<T> {
    pub(crate) protocol: Protocol<T>,
    pub(crate) driver_waker: Option<Waker>,
    pub(crate) commands: VecDeque<Command>,
    pub(crate) handles: usize,
}

impl<T> State<T> {
    /// The driver's waker, if the multiplexer needs the driver (a request
    /// was queued, a queue drained below its limit...).
    pub(crate) fn driver_to_wake(&mut self) -> Option<Waker> {
        if self.protocol.take_driver_wake() {
            self.driver_waker.clone()
        } else {
            None
        }
    }
}

pub(crate) struct Shared<T> {
    state: Mutex<State<T>>,
}

impl<T> Shared<T> {
    pub(crate) fn new(protocol: Protocol<T>) -> Self {
        Shared {
            state: Mutex::new(State {
                protocol,
                driver_waker: None,
                commands: VecDeque::new(),
                handles: 1,
            }),
        }
    }

    /// Locks the state. A panic elsewhere while locked cannot leave the
    /// multiplexer's tables inconsistent in a way that matters more than
    /// stopping every user, so poisoning is ignored.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on the state, then wakes the driver if `f` gave it work.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut State<T>) -> R) -> R {
        let (result, waker) = {
            let mut state = self.lock();
            let result = f(&mut state);
            (result, state.driver_to_wake())
        };
        if let Some(waker) = waker {
            waker.wake();
        }
        result
    }
}
