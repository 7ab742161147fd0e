-- AlterTable
ALTER TABLE `store_settings` ADD COLUMN `slot_minutes` INTEGER NOT NULL DEFAULT 60,
    ADD COLUMN `booking_window_days` INTEGER NOT NULL DEFAULT 14,
    ADD COLUMN `change_cutoff_minutes` INTEGER NOT NULL DEFAULT 120;

-- CreateTable
CREATE TABLE `store_closed_dates` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `store_id` INTEGER NOT NULL,
    `date` DATE NOT NULL,
    `reason` VARCHAR(128) NULL,

    UNIQUE INDEX `store_closed_dates_store_id_date_key`(`store_id`, `date`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `test_drive_routes` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `store_id` INTEGER NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `length_km` INTEGER NOT NULL,
    `duration_minutes` INTEGER NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `test_drive_routes_store_id_idx`(`store_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `test_drive_bookings` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `store_id` INTEGER NOT NULL,
    `model_id` INTEGER NOT NULL,
    `car_id` INTEGER NOT NULL,
    `lead_id` INTEGER NULL,
    `route_id` INTEGER NULL,
    `start_at` DATETIME(3) NOT NULL,
    `end_at` DATETIME(3) NOT NULL,
    `status` ENUM('CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW') NOT NULL DEFAULT 'CONFIRMED',
    `contact_name` VARCHAR(64) NOT NULL,
    `mobile` VARCHAR(11) NOT NULL,
    `idempotency_key` VARCHAR(160) NULL,
    `rating` TINYINT NULL,
    `rating_comment` VARCHAR(500) NULL,
    `feedback` VARCHAR(1000) NULL,
    `odometer_out` INTEGER NULL,
    `odometer_in` INTEGER NULL,
    `licence_checked` BOOLEAN NOT NULL DEFAULT false,
    `cancelled_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `test_drive_bookings_idempotency_key_key`(`idempotency_key`),
    INDEX `test_drive_bookings_customer_id_start_at_idx`(`customer_id`, `start_at`),
    INDEX `test_drive_bookings_store_id_start_at_idx`(`store_id`, `start_at`),
    INDEX `test_drive_bookings_model_id_idx`(`model_id`),
    INDEX `test_drive_bookings_car_id_start_at_idx`(`car_id`, `start_at`),
    INDEX `test_drive_bookings_lead_id_idx`(`lead_id`),
    INDEX `test_drive_bookings_route_id_idx`(`route_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `slot_claims` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `pool` VARCHAR(48) NOT NULL,
    `unit_id` INTEGER NOT NULL,
    `slot_start` DATETIME(3) NOT NULL,
    `holder` VARCHAR(64) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `slot_claims_pool_unit_id_slot_start_key`(`pool`, `unit_id`, `slot_start`),
    INDEX `slot_claims_holder_idx`(`holder`),
    INDEX `slot_claims_pool_slot_start_idx`(`pool`, `slot_start`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `idempotency_locks` (
    `key` VARCHAR(191) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `idempotency_locks_created_at_idx`(`created_at`),
    PRIMARY KEY (`key`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `store_closed_dates` ADD CONSTRAINT `store_closed_dates_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `test_drive_routes` ADD CONSTRAINT `test_drive_routes_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `test_drive_bookings` ADD CONSTRAINT `test_drive_bookings_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `test_drive_bookings` ADD CONSTRAINT `test_drive_bookings_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `test_drive_bookings` ADD CONSTRAINT `test_drive_bookings_model_id_fkey` FOREIGN KEY (`model_id`) REFERENCES `vehicle_models`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `test_drive_bookings` ADD CONSTRAINT `test_drive_bookings_car_id_fkey` FOREIGN KEY (`car_id`) REFERENCES `test_drive_cars`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `test_drive_bookings` ADD CONSTRAINT `test_drive_bookings_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `test_drive_bookings` ADD CONSTRAINT `test_drive_bookings_route_id_fkey` FOREIGN KEY (`route_id`) REFERENCES `test_drive_routes`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
