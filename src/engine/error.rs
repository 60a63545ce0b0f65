//! SQS and SNS errors as AWS reports them (one type: a delivery from a topic can fail
//! with an SQS error).
//!
//! The AWS CLI v2 speaks the JSON protocol to SQS but prints the *query-compatible* code
//! that SQS sends alongside (`x-amzn-query-error`), so `QueueDoesNotExist` is printed as
//! `AWS.SimpleQueueService.NonExistentQueue`. `ErrorCode::printed` gives that form.

use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ErrorCode {
    QueueDoesNotExist,
    QueueNameExists,
    QueueDeletedRecently,
    InvalidAttributeName,
    InvalidAttributeValue,
    InvalidParameterValue,
    MissingParameter,
    ReceiptHandleIsInvalid,
    MessageNotInflight,
    InvalidMessageContents,
    PurgeQueueInProgress,
    OverLimit,
    UnsupportedOperation,
    EmptyBatchRequest,
    TooManyEntriesInBatchRequest,
    BatchEntryIdsNotDistinct,
    InvalidBatchEntryId,
    BatchRequestTooLong,
    ResourceNotFoundException,
    RequestThrottled,
    // SNS (its query protocol prints codes bare, including the batch ones SQS prefixes).
    InvalidParameter,
    NotFound,
    AuthorizationError,
    TagLimitExceeded,
    ParameterValueInvalid,
    SnsResourceNotFound,
    SnsEmptyBatchRequest,
    SnsTooManyEntriesInBatchRequest,
    SnsBatchEntryIdsNotDistinct,
    SnsInvalidBatchEntryId,
    SnsBatchRequestTooLong,
}

impl ErrorCode {
    /// The code the AWS CLI prints in `An error occurred (CODE) ...`.
    pub fn printed(self) -> &'static str {
        use ErrorCode::*;
        match self {
            QueueDoesNotExist => "AWS.SimpleQueueService.NonExistentQueue",
            QueueNameExists => "QueueAlreadyExists",
            QueueDeletedRecently => "AWS.SimpleQueueService.QueueDeletedRecently",
            InvalidAttributeName => "InvalidAttributeName",
            InvalidAttributeValue => "InvalidAttributeValue",
            InvalidParameterValue => "InvalidParameterValue",
            MissingParameter => "MissingParameter",
            ReceiptHandleIsInvalid => "ReceiptHandleIsInvalid",
            MessageNotInflight => "AWS.SimpleQueueService.MessageNotInflight",
            InvalidMessageContents => "InvalidMessageContents",
            PurgeQueueInProgress => "AWS.SimpleQueueService.PurgeQueueInProgress",
            OverLimit => "OverLimit",
            UnsupportedOperation => "AWS.SimpleQueueService.UnsupportedOperation",
            EmptyBatchRequest => "AWS.SimpleQueueService.EmptyBatchRequest",
            TooManyEntriesInBatchRequest => "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
            BatchEntryIdsNotDistinct => "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
            InvalidBatchEntryId => "AWS.SimpleQueueService.InvalidBatchEntryId",
            BatchRequestTooLong => "AWS.SimpleQueueService.BatchRequestTooLong",
            ResourceNotFoundException => "ResourceNotFoundException",
            RequestThrottled => "RequestThrottled",
            InvalidParameter => "InvalidParameter",
            NotFound => "NotFound",
            AuthorizationError => "AuthorizationError",
            TagLimitExceeded => "TagLimitExceeded",
            ParameterValueInvalid => "ParameterValueInvalid",
            SnsResourceNotFound => "ResourceNotFound",
            SnsEmptyBatchRequest => "EmptyBatchRequest",
            SnsTooManyEntriesInBatchRequest => "TooManyEntriesInBatchRequest",
            SnsBatchEntryIdsNotDistinct => "BatchEntryIdsNotDistinct",
            SnsInvalidBatchEntryId => "InvalidBatchEntryId",
            SnsBatchRequestTooLong => "BatchRequestTooLong",
        }
    }

    /// The code as a batch response's `Failed` entry carries it (no query prefix).
    pub fn short(self) -> &'static str {
        let printed = self.printed();
        printed
            .strip_prefix("AWS.SimpleQueueService.")
            .unwrap_or(printed)
    }
}

/// An error the engine returns; the engine's state is unchanged when it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SqsError {
    pub code: ErrorCode,
    pub message: String,
}

impl SqsError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> SqsError {
        SqsError {
            code,
            message: message.into(),
        }
    }
    pub fn no_such_queue() -> SqsError {
        SqsError::new(
            ErrorCode::QueueDoesNotExist,
            "The specified queue does not exist.",
        )
    }
    pub fn invalid_value(message: impl Into<String>) -> SqsError {
        SqsError::new(ErrorCode::InvalidParameterValue, message)
    }
    /// SNS's `InvalidParameter`, whose messages all start "Invalid parameter: ".
    pub fn invalid_parameter(reason: impl fmt::Display) -> SqsError {
        SqsError::new(
            ErrorCode::InvalidParameter,
            format!("Invalid parameter: {reason}"),
        )
    }
}

impl fmt::Display for SqsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.printed(), self.message)
    }
}

impl std::error::Error for SqsError {}
